package rapport.ingest.source;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 so that a malformed byte sequence costs only its own row: it becomes a marker
 * character (a Unicode non-character, never in real text) that row validation rejects.
 */
final class Utf8Decoding {

    static final char MALFORMED = '\uFFFF';

    private Utf8Decoding() {
    }

    static Reader reader(InputStream in) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(MALFORMED));
        return new InputStreamReader(in, decoder);
    }
}
