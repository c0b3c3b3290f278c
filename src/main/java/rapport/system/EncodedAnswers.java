package rapport.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON of answers served from a cache, encoded once per answer object. A warm request gets the very object
 * that the cold one computed (kept while its data versions hold), so its bytes are kept beside it, for as long
 * as that object is in use: encoding the dashboard's 22 × 52 points was most of a warm request's work and
 * garbage. Keyed by identity and never by equality, so an answer not seen before is always encoded afresh and
 * nothing here can be older than the object handed in (answers are immutable records). Bounded by size.
 */
@Singleton
public class EncodedAnswers {

    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private final JsonMapper json;
    private final Cache<Object, byte[]> encoded = Caffeine.newBuilder()
            .weakKeys()
            .maximumWeight(MAX_BYTES)
            .weigher((Object answer, byte[] bytes) -> bytes.length)
            .build();

    EncodedAnswers(JsonMapper json) {
        this.json = json;
    }

    /** 200 with the answer as JSON, exactly as Micronaut would have written it. */
    public HttpResponse<byte[]> ok(Object answer) {
        return HttpResponse.ok(encoded.get(answer, this::encode)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private byte[] encode(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode " + answer.getClass().getSimpleName(), e);
        }
    }
}
