package rapport.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code network/handle} keys of {@code accounts=k1,k2}. Networks hold no '/' (imports refuse one), so the
 * first '/' ends the network; a handle may hold anything, and a ',' or '\' in it is written with a backslash
 * before it ({@code x/Acme\,Inc}), so a list of keys always reads one way. A list written without the
 * backslashes still finds a handle with a comma when that whole name is an account and its parts are not.
 */
final class AccountKeys {

    private AccountKeys() {
    }

    static String key(String network, String handle) {
        return network + "/" + handle.replace("\\", "\\\\").replace(",", "\\,");
    }

    /** The keys a list names, in order, each as written (escapes resolved), given the keys that exist. */
    static List<String> parse(String list, Set<String> known) {
        List<String> parts = split(list);
        List<String> keys = new ArrayList<>();
        int i = 0;
        while (i < parts.size()) {
            int end = i + 1;
            // the longest run of parts, joined by their commas, that names an account
            for (int j = parts.size(); j > i + 1; j--) {
                if (known.contains(escapedJoin(parts.subList(i, j)))) {
                    end = j;
                    break;
                }
            }
            String key = end == i + 1 ? escape(parts.get(i)) : escapedJoin(parts.subList(i, end));
            if (!parts.get(i).isBlank()) {
                keys.add(key.strip());
            }
            i = end;
        }
        return keys;
    }

    /** Splits on commas not escaped by a backslash, resolving the escapes. */
    private static List<String> split(String list) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\\' && i + 1 < list.length()) {
                part.append(list.charAt(++i));
            } else if (c == ',') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /** A key as {@link #key} writes it, from its unescaped text. */
    private static String escape(String unescaped) {
        int slash = unescaped.indexOf('/');
        return slash < 0 ? unescaped : key(unescaped.substring(0, slash), unescaped.substring(slash + 1));
    }

    private static String escapedJoin(List<String> parts) {
        return escape(String.join(",", parts));
    }
}
