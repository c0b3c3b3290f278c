package rapport.cli;

import picocli.CommandLine;

/** {@code --version}: the version Maven wrote into the jar's manifest. */
final class RapportVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = RapportVersion.class.getPackage().getImplementationVersion();
        return new String[] {"Rapport " + (version == null ? "(development build, not from a jar)" : version),
                "Java " + Runtime.version()};
    }
}
