package org.heteronym.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the fuzz targets share (docs/fuzzing.md). A parser of outside data may return a value or throw its
 * documented refusal; anything else (NullPointerException, IndexOutOfBoundsException, ClassCastException, an
 * arbitrary RuntimeException) reaches the HTTP layer as a 500, so the targets let it escape and Jazzer reports it.
 */
public final class Fuzzing {

    /**
     * The service's ObjectMapper as Quarkus configures it for REST bodies: unknown properties ignored, dates as
     * text, the Java time and parameter-name modules found on the class path.
     */
    public static final ObjectMapper SERVICE_JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .findAndAddModules()
            .build();

    private Fuzzing() {
    }

    /**
     * Reads {@code body} into {@code type} as the REST layer would. The refusals are Jackson's
     * {@link JsonProcessingException} and a {@link CharConversionException} (a cut UTF-32 body), both answered 400 by
     * ProblemMappers; any other exception escapes.
     */
    public static <T> Optional<T> parseOrRefuse(byte[] body, Class<T> type) {
        try {
            return Optional.ofNullable(SERVICE_JSON.readValue(body, type));
        } catch (JsonProcessingException | CharConversionException refused) {
            // both answered 400 by ProblemMappers
            return Optional.empty();
        } catch (IOException e) {
            throw new AssertionError("reading a byte array cannot fail with I/O", e);
        }
    }

    /**
     * Keeps {@code input} as a seed of {@code target}'s {@code method}, where Jazzer looks for inputs to replay
     * ({@code src/test/resources/<package>/<Class>Inputs/<method>/}). Used by the targets' seed writers, which run
     * only with {@code -Dfuzz.writeSeeds=true}.
     */
    public static void writeSeed(Class<?> target, String method, String name, byte[] input) {
        Path dir = Path.of("src/test/resources", target.getPackageName().replace('.', '/'),
                target.getSimpleName() + "Inputs", method);
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A seed for a target that reads a selector with {@code consumeInt(0, n)} and then the remaining bytes. */
    public static byte[] selected(int selector, byte[] payload) {
        byte[] input = java.util.Arrays.copyOf(payload, payload.length + 1);
        input[payload.length] = (byte) selector;
        return input;
    }
}
