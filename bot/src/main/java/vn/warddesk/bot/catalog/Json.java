package vn.warddesk.bot.catalog;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The mappers of the catalog: content in snake_case (files, stored versions), API answers as built. */
final class Json {
    /** Seed files. Unknown keys are ignored (editors may add notes); required keys are checked by {@link Validation}. */
    static final ObjectMapper YAML = content(new YAMLMapper());
    /** Stored versions and the admin API body: the same schema as the YAML files, as JSON. */
    static final ObjectMapper CONTENT = content(new ObjectMapper());
    /** Public API answers (maps and lists built by the service). */
    static final ObjectMapper API = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    private static ObjectMapper content(ObjectMapper mapper) {
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    /** A read failure as field + problem + line (0 when unknown), in words an editor understands. */
    record ReadProblem(String field, String problem, int line) {
    }

    static ReadProblem describe(JacksonException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            String problem;
            if (e instanceof InvalidFormatException invalid) {
                problem = "'" + invalid.getValue() + "' is not " + expected(invalid.getTargetType());
            } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                problem = "must be " + expected(mismatched.getTargetType());
            } else {
                problem = firstLine(e.getOriginalMessage());
            }
            return new ReadProblem(field, problem, line);
        }
        String message = firstLine(e.getOriginalMessage());
        if (message.startsWith("Duplicate field")) {
            return new ReadProblem("", "a key appears twice: " + message, line);
        }
        return new ReadProblem("", "not valid YAML/JSON: " + message, line);
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (type == String.class) {
            return "a text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == Procedure.Text.class) {
            return "a text in both languages {vi: ..., en: ...}";
        }
        return "an object with keys (" + type.getSimpleName() + ")";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        List<String> lines = new ArrayList<>(message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        return lines.isEmpty() ? "unreadable" : lines.get(0);
    }
}
