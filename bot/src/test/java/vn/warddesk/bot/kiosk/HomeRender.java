package vn.warddesk.bot.kiosk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks' reading of one page load in the browser: navigation timing and the app's performance mark
 * "warddesk:home" (the home screen is drawn), printed one row a load, and their spread over all loads.
 */
final class HomeRender {
    static final String HEADER = "load  ttfb_ms  dcl_ms  load_ms  fcp_ms  home_rendered_ms";

    private HomeRender() {
    }

    /** Prints the row of load {@code index} (0-based; the first is cold) and returns when the home screen was drawn. */
    static double measure(KioskBrowser browser, int index) {
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) browser.script("""
                const n = performance.getEntriesByType('navigation')[0];
                const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                const home = performance.getEntriesByName('warddesk:home')[0];
                return {ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd,
                        fcp: fcp ? fcp.startTime : -1, home: home.startTime};
                """);
        double home = num(t, "home");
        System.out.printf("%4d  %7.1f  %6.1f  %7.1f  %6.1f  %16.1f%s%n", index + 1, num(t, "ttfb"), num(t, "dcl"),
                          num(t, "load"), num(t, "fcp"), home, index == 0 ? "   (cold: empty profile)" : "");
        return home;
    }

    /** Cold (the first load), median, 95th percentile and slowest of the home-rendered times. */
    record Spread(double cold, double p50, double p95, double max) {
        static Spread of(List<Double> homes) {
            List<Double> sorted = new ArrayList<>(homes);
            Collections.sort(sorted);
            double p50 = sorted.get(sorted.size() / 2);
            double p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
            return new Spread(homes.get(0), p50, p95, sorted.get(sorted.size() - 1));
        }

        @Override
        public String toString() {
            return "home rendered: cold %.0f ms, p50 %.0f ms, p95 %.0f ms, max %.0f ms".formatted(cold, p50, p95, max);
        }
    }

    private static double num(Map<String, Object> timing, String key) {
        return ((Number) timing.get(key)).doubleValue();
    }
}
