package vn.warddesk.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Labelled lines from TSV files. Two layouts: {@code label<TAB>text} (any label set, any language) and our
 * {@code intent<TAB>aspect<TAB>text} with aspect {@code -} for dialogue intents. Blank lines and {@code #} comments are
 * ignored; anything else that does not fit is rejected with its file and line number.
 */
final class Dataset {

    /** One labelled utterance. {@code aspect} is empty for 2-column files and dialogue intents. */
    record Example(String label, Optional<String> aspect, String text, String source, int line) {
    }

    static final class FormatException extends IllegalArgumentException {
        FormatException(String message) {
            super(message);
        }
    }

    private Dataset() {
    }

    /** Reads a file, or every {@code *.tsv} in a directory in name order. */
    static List<Example> read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(path)) {
                files = listing.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
            }
            List<Example> all = new ArrayList<>();
            for (Path file : files) {
                all.addAll(read(file));
            }
            return all;
        }
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(reader, path.toString());
        }
    }

    static List<Example> parse(Reader input, String source) throws IOException {
        BufferedReader reader = input instanceof BufferedReader buffered ? buffered : new BufferedReader(input);
        List<Example> examples = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            String label = columns[0].strip();
            if (columns.length < 2 || columns.length > 3 || label.isEmpty() || label.contains(" ")) {
                throw new FormatException(source + ":" + number
                        + ": expected label<TAB>text or intent<TAB>aspect<TAB>text");
            }
            String text = columns[columns.length - 1].strip();
            if (text.isEmpty()) {
                throw new FormatException(source + ":" + number + ": empty text");
            }
            Optional<String> aspect = Optional.empty();
            if (columns.length == 3) {
                String value = columns[1].strip();
                if (value.isEmpty() || value.contains(" ")) {
                    throw new FormatException(source + ":" + number + ": bad aspect '" + value + "' (use - for none)");
                }
                aspect = value.equals("-") ? Optional.empty() : Optional.of(value);
            }
            examples.add(new Example(label, aspect, text, source, number));
        }
        return examples;
    }
}
