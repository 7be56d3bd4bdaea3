package vn.warddesk.bot.dialogues;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./warddesk eval-dialogues [FILE]}: runs the dialogue stories over the real server and prints the pass rate
 * per category and the first failing turn of every failure. Not a test: it always exits 0 after printing (1 on a
 * broken story file).
 */
public final class DialogueEval {
    private DialogueEval() {
    }

    public static void main(String[] args) {
        List<DialogueStories.Story> all = DialogueStories.load(args.length > 0 ? Optional.of(Path.of(args[0]))
                                                                               : Optional.empty());
        Map<String, int[]> byCategory = new LinkedHashMap<>();
        StringBuilder failures = new StringBuilder();
        int passed = 0;
        try (DialogueStories stories = DialogueStories.start()) {
            for (DialogueStories.Story story : all) {
                DialogueStories.Result result = stories.run(story);
                int[] counts = byCategory.computeIfAbsent(story.category(), c -> new int[2]);
                counts[1]++;
                if (result.passed()) {
                    counts[0]++;
                    passed++;
                } else {
                    failures.append(String.format("FAIL %s / %s%s%n     turn %d: %s%n", story.category(), story.name(),
                                                  story.knownFailure().map(k -> " [known: " + k + "]").orElse(""),
                                                  result.turn(), result.what()));
                }
            }
        }
        System.out.print(failures);
        System.out.println();
        System.out.printf("%-28s %6s %6s %7s%n", "category", "pass", "total", "rate");
        for (Map.Entry<String, int[]> e : byCategory.entrySet()) {
            int[] c = e.getValue();
            System.out.printf("%-28s %6d %6d %6.1f%%%n", e.getKey(), c[0], c[1], 100.0 * c[0] / c[1]);
        }
        System.out.printf("%-28s %6d %6d %6.1f%%%n", "ALL", passed, all.size(), all.isEmpty() ? 0 : 100.0 * passed / all.size());
        System.exit(0);
    }
}
