package io.settlehub.core.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Small SVG charts drawn on the server (no script, no chart library): a line chart of series over days, and a bar chart
 * of amounts by date. Amounts are exact decimals; only the drawing is scaled.
 */
public final class Charts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 220;
    private static final int PAD = 40;
    private static final String[] COLOURS = {"#1f6feb", "#067647", "#b54708", "#6941c6"};

    private Charts() {
    }

    /** One named series of values, one per day of {@code days}. */
    public record Series(String name, List<BigDecimal> values) {
    }

    /** A bar: a label under it (a date, or "unknown") and its amount, stacked by part. */
    public record Bar(String label, List<BigDecimal> parts) {
    }

    public static String lines(List<LocalDate> days, List<Series> series, String title) {
        StringBuilder svg = open(title);
        if (days.isEmpty()) {
            return close(svg.append(text(WIDTH / 2, HEIGHT / 2, "nothing yet", "middle")));
        }
        BigDecimal max = series.stream().flatMap(s -> s.values().stream()).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        BigDecimal min = series.stream().flatMap(s -> s.values().stream()).min(BigDecimal::compareTo).orElse(BigDecimal.ZERO)
                .min(BigDecimal.ZERO);
        axis(svg, min, max);
        for (int s = 0; s < series.size(); s++) {
            StringBuilder points = new StringBuilder();
            List<BigDecimal> values = series.get(s).values();
            for (int i = 0; i < values.size(); i++) {
                points.append(x(i, values.size())).append(',').append(y(values.get(i), min, max)).append(' ');
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(COLOURS[s % COLOURS.length])
                    .append("\" points=\"").append(points.toString().trim()).append("\"/>");
            svg.append(text(PAD + 10 + s * 160, 16, "■ " + series.get(s).name(), "start").replace("<text", "<text fill=\""
                    + COLOURS[s % COLOURS.length] + "\""));
        }
        svg.append(text(PAD, HEIGHT - 8, days.get(0).toString(), "start"));
        svg.append(text(WIDTH - 10, HEIGHT - 8, days.get(days.size() - 1).toString(), "end"));
        return close(svg);
    }

    public static String bars(List<Bar> bars, List<String> partNames, String title) {
        StringBuilder svg = open(title);
        if (bars.isEmpty()) {
            return close(svg.append(text(WIDTH / 2, HEIGHT / 2, "nothing expected", "middle")));
        }
        BigDecimal max = bars.stream().map(b -> b.parts().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        axis(svg, BigDecimal.ZERO, max);
        int slot = (WIDTH - PAD - 10) / bars.size();
        int width = Math.max(4, Math.min(60, slot - 8));
        for (int i = 0; i < bars.size(); i++) {
            int left = PAD + i * slot + (slot - width) / 2;
            BigDecimal base = BigDecimal.ZERO;
            for (int p = 0; p < bars.get(i).parts().size(); p++) {
                BigDecimal part = bars.get(i).parts().get(p);
                int top = y(base.add(part), BigDecimal.ZERO, max);
                int bottom = y(base, BigDecimal.ZERO, max);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s %s: %s</title></rect>",
                        left, top, width, Math.max(0, bottom - top), COLOURS[p % COLOURS.length], escape(bars.get(i).label()),
                        escape(partNames.get(p)), part.toPlainString()));
                base = base.add(part);
            }
            svg.append(text(left + width / 2, HEIGHT - 8, bars.get(i).label(), "middle"));
        }
        for (int p = 0; p < partNames.size(); p++) {
            svg.append(text(PAD + 10 + p * 160, 16, "■ " + partNames.get(p), "start").replace("<text", "<text fill=\""
                    + COLOURS[p % COLOURS.length] + "\""));
        }
        return close(svg);
    }

    private static void axis(StringBuilder svg, BigDecimal min, BigDecimal max) {
        svg.append("<line x1=\"").append(PAD).append("\" y1=\"").append(y(BigDecimal.ZERO, min, max)).append("\" x2=\"")
                .append(WIDTH - 10).append("\" y2=\"").append(y(BigDecimal.ZERO, min, max)).append("\" stroke=\"#98a2b3\"/>");
        svg.append(text(PAD - 4, 30, max.setScale(0, RoundingMode.HALF_UP).toPlainString(), "end"));
    }

    private static int x(int i, int n) {
        return n <= 1 ? PAD : PAD + i * (WIDTH - PAD - 10) / (n - 1);
    }

    private static int y(BigDecimal value, BigDecimal min, BigDecimal max) {
        BigDecimal range = max.subtract(min).signum() == 0 ? BigDecimal.ONE : max.subtract(min);
        BigDecimal share = value.subtract(min).divide(range, 6, RoundingMode.HALF_UP);
        return (HEIGHT - 30) - share.multiply(BigDecimal.valueOf(HEIGHT - 60)).intValue();
    }

    private static StringBuilder open(String title) {
        return new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\" aria-label=\""
                + escape(title) + "\" xmlns=\"http://www.w3.org/2000/svg\"><title>" + escape(title) + "</title>");
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>").toString();
    }

    private static String text(int x, int y, String text, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"11\" text-anchor=\"" + anchor + "\">" + escape(text) + "</text>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
