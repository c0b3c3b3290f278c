package rapport.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** One JSON object a line, keys as the CSV columns (format {@code messages-ndjson}). */
final class NdjsonSource implements RowSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader reader;
    private long line;

    NdjsonSource(InputStream in) {
        try {
            this.reader = new BufferedReader(Utf8Decoding.reader(in), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SourceRow next() {
        try {
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (!text.isBlank()) {
                    return parse(text);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SourceRow parse(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return SourceRow.malformed(line, text, "not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return SourceRow.malformed(line, text, "not a JSON object");
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] values = new String[node.size()];
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            values[columns.size()] = value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
            columns.put(field.getKey(), columns.size());
        }
        return SourceRow.of(line, columns, values, () -> text);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
