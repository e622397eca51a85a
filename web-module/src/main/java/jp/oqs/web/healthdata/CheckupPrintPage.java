package jp.oqs.web.healthdata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.oqs.api.health.CheckupHistory;
import jp.oqs.api.health.CheckupItem;
import jp.oqs.api.health.CheckupItemView;
import jp.oqs.api.health.CheckupView;

/**
 * The person's check-ups as one printable HTML page (A4, print styles, no script, nothing loaded from elsewhere):
 * first the trend of the main items over the years as line charts drawn here as inline SVG (people would rather see
 * their blood pressure over five years than read a table), each with its reference limit as a dashed line and the
 * points outside it in red; then every check-up as a table with the reference range and a mark beside a value
 * outside it. Every text from the data is escaped.
 */
final class CheckupPrintPage {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 200;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 32;

    /** One chart: its title and the items drawn on it (blood pressure has two lines). */
    private record Chart(String title, List<CheckupItem> items) {
    }

    private static final List<Chart> CHARTS = List.of(
            new Chart("血圧（mmHg）", List.of(CheckupItem.SYSTOLIC_BLOOD_PRESSURE, CheckupItem.DIASTOLIC_BLOOD_PRESSURE)),
            new Chart("体重（kg）", List.of(CheckupItem.WEIGHT)),
            new Chart("HbA1c（%）", List.of(CheckupItem.HBA1C)),
            new Chart("LDLコレステロール（mg/dL）", List.of(CheckupItem.LDL_CHOLESTEROL)));

    private static final String[] LINE_COLOURS = {"#1f4e9c", "#2e8b57"};

    private CheckupPrintPage() {
    }

    static String render(CheckupHistory history) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\">")
                .append("<title>特定健診結果の経年表示</title><style>")
                .append("body{font-family:sans-serif;margin:24px;color:#222}h1{font-size:20px}h2{font-size:16px;")
                .append("margin-top:24px}table{border-collapse:collapse;width:100%;font-size:12px;margin-bottom:16px}")
                .append("th,td{border:1px solid #999;padding:2px 6px;text-align:left}.out{color:#c00;")
                .append("font-weight:bold}.note{font-size:12px;color:#555}svg{display:block;margin-bottom:8px}")
                .append("@page{size:A4;margin:15mm}@media print{body{margin:0}.chart,table{break-inside:avoid}}")
                .append("</style></head><body>\n<h1>特定健診結果の経年表示</h1>\n<p class=\"note\">")
                .append(escape(history.from().toString())).append(" 以降の健診結果（")
                .append(history.checkups().size()).append(" 回）。基準範囲の外の値は赤で示します。</p>\n");
        List<CheckupView> oldestFirst = new ArrayList<>(history.checkups());
        oldestFirst.sort(Comparator.comparing(CheckupView::examinedOn));
        html.append("<h2>主な項目の推移</h2>\n");
        for (Chart chart : CHARTS) {
            html.append(chart(chart, oldestFirst));
        }
        html.append("<h2>健診ごとの結果</h2>\n");
        for (CheckupView checkup : history.checkups()) {
            html.append(table(checkup));
        }
        return html.append("</body></html>\n").toString();
    }

    /** One line chart over the years; a note instead when no check-up has the items. */
    static String chart(Chart chart, List<CheckupView> oldestFirst) {
        List<List<Point>> lines = new ArrayList<>();
        BigDecimal min = null;
        BigDecimal max = null;
        for (CheckupItem item : chart.items()) {
            List<Point> line = new ArrayList<>();
            for (CheckupView checkup : oldestFirst) {
                Optional<CheckupItemView> value = checkup.items().stream().filter(i -> i.item() == item).findFirst();
                if (value.isPresent()) {
                    BigDecimal v = new BigDecimal(value.get().value());
                    line.add(new Point(checkup.examinedOn(), v, Boolean.TRUE.equals(value.get().outOfRange())));
                    min = min == null || v.compareTo(min) < 0 ? v : min;
                    max = max == null || v.compareTo(max) > 0 ? v : max;
                }
            }
            lines.add(line);
        }
        StringBuilder svg = new StringBuilder("<div class=\"chart\"><h3 style=\"font-size:14px\">")
                .append(escape(chart.title())).append("</h3>\n");
        if (min == null) {
            return svg.append("<p class=\"note\">この期間の記録はありません。</p></div>\n").toString();
        }
        List<BigDecimal> limits = new ArrayList<>();
        for (CheckupItem item : chart.items()) {
            Optional.ofNullable(item.referenceBelow(false)).ifPresent(limits::add);
            Optional.ofNullable(item.referenceLow()).ifPresent(limits::add);
        }
        for (BigDecimal limit : limits) {
            min = limit.compareTo(min) < 0 ? limit : min;
            max = limit.compareTo(max) > 0 ? limit : max;
        }
        double low = min.doubleValue() * 0.95;
        double high = max.doubleValue() * 1.05;
        if (high - low < 1) {
            high = low + 1;
        }
        LocalDate first = oldestFirst.get(0).examinedOn();
        LocalDate last = oldestFirst.get(oldestFirst.size() - 1).examinedOn();
        Scale scale = new Scale(first, last, low, high);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(chart.title())).append("の推移\">")
                .append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM)
                .append("\" fill=\"none\" stroke=\"#999\"/>");
        for (double tick : new double[] {low, (low + high) / 2, high}) {
            svg.append(text(LEFT - 6, scale.y(tick) + 4, "end", format(tick)));
        }
        for (BigDecimal limit : limits) {
            double y = scale.y(limit.doubleValue());
            svg.append("<line class=\"reference\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fixed(y)).append("\" y2=\"").append(fixed(y))
                    .append("\" stroke=\"#c00\" stroke-dasharray=\"4 3\"/>");
        }
        for (CheckupView checkup : oldestFirst) {
            svg.append(text(scale.x(checkup.examinedOn()), HEIGHT - BOTTOM + 16, "middle",
                    checkup.examinedOn().toString()));
        }
        for (int i = 0; i < lines.size(); i++) {
            List<Point> line = lines.get(i);
            String colour = LINE_COLOURS[i % LINE_COLOURS.length];
            if (line.size() > 1) {
                svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"");
                for (Point point : line) {
                    svg.append(fixed(scale.x(point.day()))).append(',').append(fixed(scale.y(point.value()
                            .doubleValue()))).append(' ');
                }
                svg.append("\"/>");
            }
            for (Point point : line) {
                double x = scale.x(point.day());
                double y = scale.y(point.value().doubleValue());
                svg.append("<circle class=\"point\" cx=\"").append(fixed(x)).append("\" cy=\"").append(fixed(y))
                        .append("\" r=\"4\" fill=\"").append(point.outside() ? "#c00" : colour).append("\"/>")
                        .append(text(x, y - 8, "middle", point.value().toPlainString()));
            }
        }
        svg.append("</svg>");
        if (chart.items().size() > 1) {
            svg.append("<p class=\"note\">");
            for (int i = 0; i < chart.items().size(); i++) {
                svg.append("<span style=\"color:").append(LINE_COLOURS[i % LINE_COLOURS.length]).append("\">■ ")
                        .append(escape(chart.items().get(i).label())).append("</span> ");
            }
            svg.append("</p>");
        }
        return svg.append("</div>\n").toString();
    }

    private static String table(CheckupView checkup) {
        StringBuilder table = new StringBuilder("<table><caption style=\"text-align:left;font-weight:bold\">")
                .append(escape(checkup.examinedOn().toString())).append("（保険者番号 ")
                .append(escape(checkup.insurerNumber())).append("）</caption>")
                .append("<tr><th>項目</th><th>結果</th><th>単位</th><th>基準範囲</th></tr>");
        for (CheckupItemView item : checkup.items()) {
            boolean outside = Boolean.TRUE.equals(item.outOfRange());
            table.append("<tr><td>").append(escape(item.label())).append("</td><td")
                    .append(outside ? " class=\"out\">" : ">").append(escape(item.display()))
                    .append(outside ? " ＊" : "").append("</td><td>").append(escape(nullToEmpty(item.unit())))
                    .append("</td><td>").append(escape(nullToEmpty(item.referenceRange()))).append("</td></tr>");
        }
        if (!checkup.superseded().isEmpty()) {
            table.append("<tr><td colspan=\"4\" class=\"note\">この結果は訂正されています（訂正前の結果 ")
                    .append(checkup.superseded().size()).append(" 件）。</td></tr>");
        }
        return table.append("</table>\n").toString();
    }

    /** One point of a line: the day, the value and whether it is outside the reference range. */
    private record Point(LocalDate day, BigDecimal value, boolean outside) {
    }

    /** Days to x across the plot, values to y (higher up). */
    private record Scale(LocalDate first, LocalDate last, double low, double high) {

        double x(LocalDate day) {
            long span = last.toEpochDay() - first.toEpochDay();
            double share = span == 0 ? 0.5 : (double) (day.toEpochDay() - first.toEpochDay()) / span;
            return LEFT + 24 + share * (WIDTH - LEFT - RIGHT - 48);
        }

        double y(double value) {
            return TOP + (high - value) / (high - low) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + fixed(x) + "\" y=\"" + fixed(y) + "\" font-size=\"10\" text-anchor=\"" + anchor + "\">"
                + escape(content) + "</text>";
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String format(double value) {
        return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Text for HTML content and attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
