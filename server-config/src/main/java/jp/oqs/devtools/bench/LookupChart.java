package jp.oqs.devtools.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The chart of {@code docs/performance.md}: throughput and p99 latency against connections, for the ceiling
 * ({@code callers/me}, no database), the single lookups on Payara Micro and, where measured, on the EAR. A plain SVG
 * drawn from the results file ({@code <series>.c<connections>.rps} and {@code .p99_ms}), so the harness needs
 * nothing but the JDK.
 */
final class LookupChart {

    private static final String[][] SERIES = {
        {"ceiling", "ceiling: GET callers/me (Micro)", "#888888"},
        {"lookup", "single lookups (Micro)", "#1f77b4"},
        {"ear", "single lookups (EAR, Payara Server)", "#ff7f0e"},
    };
    private static final int PANEL_WIDTH = 420;
    private static final int PANEL_HEIGHT = 260;
    private static final int LEFT = 70;
    private static final int TOP = 50;

    private LookupChart() {
    }

    static void write(Path results, Path out) throws IOException {
        Properties figures = new Properties();
        try (Reader in = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            figures.load(in);
        }
        List<Integer> connections = new ArrayList<>();
        for (String c : figures.getProperty("connections", "8 64").trim().split("\\s+")) {
            connections.add(Integer.parseInt(c));
        }
        StringBuilder svg = new StringBuilder();
        int width = LEFT + 2 * PANEL_WIDTH + 120;
        int height = TOP + PANEL_HEIGHT + 110;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">Lookups against the ceiling, "
                + "%,d persons, %s (bin/oqs bench)</text>%n", LEFT, Long.parseLong(figures.getProperty("sync.records", "0")),
                escape(figures.getProperty("date", ""))));
        panel(svg, figures, connections, "rps", "throughput (requests/s)", LEFT);
        panel(svg, figures, connections, "p99_ms", "p99 latency (ms)", LEFT + PANEL_WIDTH + 80);
        int y = TOP + PANEL_HEIGHT + 60;
        int x = LEFT;
        for (String[] series : SERIES) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>%n", x, y, x + 24, y, series[2], x + 30,
                    y + 4, escape(series[1])));
            x += 270;
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555555\">wrk, closed model, "
                + "2 threads; x: connections</text>%n", LEFT, y + 28));
        svg.append("</svg>\n");
        Files.writeString(out, svg, StandardCharsets.UTF_8);
    }

    private static void panel(StringBuilder svg, Properties figures, List<Integer> connections, String measure,
                              String title, int left) {
        double max = 0;
        for (String[] series : SERIES) {
            for (int c : connections) {
                max = Math.max(max, value(figures, series[0], c, measure));
            }
        }
        double top = niceCeiling(max);
        int bottom = TOP + PANEL_HEIGHT;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", left,
                TOP - 12, escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#cccccc\"/>%n", left, TOP, PANEL_WIDTH, PANEL_HEIGHT));
        for (int t = 0; t <= 5; t++) {
            double v = top * t / 5;
            int y = bottom - (int) Math.round(PANEL_HEIGHT * t / 5.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eeeeee\"/>"
                            + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left, y, left + PANEL_WIDTH, y,
                    left - 6, y + 4, label(v)));
        }
        for (int i = 0; i < connections.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    xOf(left, i, connections.size()), bottom + 18, connections.get(i)));
        }
        for (String[] series : SERIES) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < connections.size(); i++) {
                double v = value(figures, series[0], connections.get(i), measure);
                if (v <= 0) {
                    continue;
                }
                int x = xOf(left, i, connections.size());
                int y = bottom - (int) Math.round(PANEL_HEIGHT * v / top);
                points.append(x).append(',').append(y).append(' ');
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/>"
                                + "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", x, y, series[2], x + 7, y - 6,
                        series[2], label(v)));
            }
            if (!points.isEmpty()) {
                svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                        + "stroke-width=\"2\"/>%n", points.toString().trim(), series[2]));
            }
        }
    }

    private static String label(double v) {
        return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    private static int xOf(int left, int index, int count) {
        return left + (int) Math.round(PANEL_WIDTH * (index + 0.5) / count);
    }

    private static double value(Properties figures, String series, int connections, String measure) {
        String v = figures.getProperty(series + ".c" + connections + "." + measure);
        return v == null || v.isBlank() ? 0 : Double.parseDouble(v);
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code value}. */
    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value * 1.05) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
