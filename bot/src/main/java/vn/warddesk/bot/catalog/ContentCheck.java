package vn.warddesk.bot.catalog;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;


/**
 * {@code ./warddesk content check}: the freshness rules ({@link Freshness}) over the seed files, then over the
 * province and ward layers ({@link LayerFreshness}: each ward's effective procedures, office and notice, findings
 * naming the ward and the layer file), printed for an editor. Exit code 0 when nothing needs action (scheduled changes and uncertain facts are listed, they are not
 * failures), 1 when a review is overdue or a legal basis has expired or expires within the warning window,
 * 2 when the catalog cannot be read (the message names the file and line).
 */
public final class ContentCheck {
    private ContentCheck() {
    }

    /**
     * @param catalog the {@code catalog} settings ({@code dir}, {@code review-max-age}, {@code expiry-warning})
     * @param clock   "today" is this clock's date in the office's time zone, unless {@code --today YYYY-MM-DD}
     * @param args    options after the command: {@code --today YYYY-MM-DD}, {@code --dir FOLDER}
     */
    public static int run(CatalogSettings catalog, Clock clock, List<String> args, PrintStream out) {
        Map<String, String> options = options(args);
        Path dir = Optional.ofNullable(options.get("dir")).map(Path::of).orElse(catalog.dir());
        Seed seed;
        try {
            seed = Seed.load(Seed.source(dir));
        } catch (CatalogException e) {
            out.println("content check: " + e.getMessage());
            return 2;
        }
        Freshness.Settings settings = catalog.freshness();
        LocalDate today = Optional.ofNullable(options.get("today")).map(ContentCheck::date)
                .orElseGet(() -> LocalDate.now(clock.withZone(java.time.ZoneId.of(seed.office().timezone()))));
        Freshness.Report report = Freshness.check(seed.procedures(), today, settings);
        print(report, dir, seed, out);
        int layerProblems;
        try {
            layerProblems = layers(catalog, options, dir, clock, report, settings, out);
        } catch (CatalogException e) {
            out.println("content check: " + e.getMessage());
            return 2;
        }
        return report.problems().isEmpty() && layerProblems == 0 ? 0 : 1;
    }

    /**
     * The province and ward layers beside the catalog folder (or {@code --wards-dir}, {@code --provinces-dir}):
     * each ward's effective procedures, office and notice. Returns the number of findings that need action; none
     * when there is no wards folder (a single-ward setup).
     */
    private static int layers(CatalogSettings catalog, Map<String, String> options, Path dir, Clock clock,
                              Freshness.Report national, Freshness.Settings settings, PrintStream out) {
        boolean ownDir = options.containsKey("dir");
        Path wardsDir = Optional.ofNullable(options.get("wards-dir")).map(Path::of).orElseGet(() -> ownDir
                ? dir.resolveSibling("wards") : catalog.wardsDir());
        Path provincesDir = Optional.ofNullable(options.get("provinces-dir")).map(Path::of).orElseGet(() -> ownDir
                ? dir.resolveSibling("provinces")
                : catalog.provincesDir());
        if (!java.nio.file.Files.isDirectory(wardsDir)) {
            return 0;
        }
        WardFolders.Loaded loaded = WardFolders.load(Seed.source(dir), wardsDir, provincesDir);
        java.util.function.Function<java.time.ZoneId, LocalDate> today = zone -> Optional
                .ofNullable(options.get("today")).map(ContentCheck::date).orElseGet(() -> LocalDate.now(clock.withZone(zone)));
        List<LayerFreshness.Finding> findings = LayerFreshness.check(loaded, dir, wardsDir, provincesDir, today,
                settings, new java.util.HashSet<>(national.findings()));
        List<LayerFreshness.Finding> problems = findings.stream().filter(f -> f.finding().problem()).toList();
        out.println();
        out.println("PROVINCE AND WARD LAYERS (" + wardsDir + ", " + provincesDir + "): " + loaded.wards().size()
                    + " ward(s) in " + loaded.provinces().size() + " province(s)");
        out.println("NEEDS ACTION: " + (problems.isEmpty() ? "nothing" : problems.size() + " finding(s)"));
        problems.forEach(f -> out.println(layerLine(f)));
        List<LayerFreshness.Finding> listed = findings.stream().filter(f -> !f.finding().problem()).toList();
        out.println("LISTED, NOT FAILURES: " + (listed.isEmpty() ? "nothing" : listed.size() + " finding(s)"));
        listed.forEach(f -> out.println(layerLine(f)));
        return problems.size();
    }

    private static String layerLine(LayerFreshness.Finding f) {
        Freshness.Finding finding = f.finding();
        boolean procedure = ProcedureIds.ALL.contains(finding.procedureId());
        return "  " + pad(f.wardId(), 16) + pad(finding.procedureId(), 30)
               + (procedure ? label(finding.kind()) + " (" + finding.subject() + "): " : "") + finding.detail()
               + "\n      in " + f.files();
    }

    private static void print(Freshness.Report report, Path dir, Seed seed, PrintStream out) {
        out.println("Content check of " + dir + " as of " + report.today() + " (review older than "
                    + report.settings().reviewMaxAgeDays() + " days, legal basis ending within "
                    + report.settings().expiryWarningDays() + " days)");
        out.println();
        List<Freshness.Finding> problems = report.problems();
        out.println("NEEDS ACTION: " + (problems.isEmpty() ? "nothing" : problems.size() + " finding(s)"));
        for (Freshness.Finding f : problems) {
            out.println("  " + pad(f.procedureId(), 34) + label(f.kind()) + ": " + f.detail());
        }
        out.println();
        printGrouped(out, "SCHEDULED LEGAL CHANGES (listed, not failures):", report.notices().stream()
                .filter(f -> f.kind() == Freshness.Kind.CHANGE_AHEAD || f.kind() == Freshness.Kind.NOT_YET_IN_FORCE)
                .toList());
        out.println();
        Map<String, List<String>> uncertain = new LinkedHashMap<>();
        report.notices().stream().filter(f -> f.kind() == Freshness.Kind.UNCERTAIN)
                .forEach(f -> uncertain.computeIfAbsent(f.procedureId(), k -> new ArrayList<>()).add(f.subject()));
        out.println("UNCERTAIN FACTS (citizens are told to confirm at the desk; listed, not failures): "
                    + (uncertain.isEmpty() ? "none" : uncertain.size() + " procedure(s)"));
        uncertain.forEach((id, facts) -> out.println("  " + pad(id, 34) + String.join("; ", facts)));
        out.println();
        out.println(report.needingAction().size() + " of " + seed.procedures().size() + " procedures need action, "
                    + report.withKind(Freshness.Kind.CHANGE_AHEAD).size() + " have a scheduled legal change, "
                    + uncertain.size() + " have uncertain facts. Exit " + (problems.isEmpty() ? 0 : 1) + ".");
    }

    /** One line per legal text and date, naming every procedure it affects. */
    private static void printGrouped(PrintStream out, String title, List<Freshness.Finding> findings) {
        Map<String, List<String>> byChange = new TreeMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        for (Freshness.Finding f : findings) {
            String key = f.date() + " " + f.kind() + " " + f.subject();
            byChange.computeIfAbsent(key, k -> new ArrayList<>()).add(f.procedureId());
            details.putIfAbsent(key, f.detail());
        }
        out.println(title + (byChange.isEmpty() ? " none" : ""));
        byChange.forEach((key, ids) -> out.println("  " + details.get(key) + "\n      affects: " + String.join(", ", ids)));
    }

    private static String label(Freshness.Kind kind) {
        return switch (kind) {
            case REVIEW_OVERDUE -> "review overdue";
            case BASIS_EXPIRED -> "legal basis expired";
            case BASIS_EXPIRING -> "legal basis expiring";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--today must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (options: --today YYYY-MM-DD, --dir FOLDER, --wards-dir FOLDER, --provinces-dir FOLDER)");
            }
            String key = arg.substring(2);
            if (!List.of("today", "dir", "wards-dir", "provinces-dir").contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + " (options: --today YYYY-MM-DD,"
                                                   + " --dir FOLDER, --wards-dir FOLDER, --provinces-dir FOLDER)");
            }
            options.put(key, args.get(++i));
        }
        return options;
    }
}
