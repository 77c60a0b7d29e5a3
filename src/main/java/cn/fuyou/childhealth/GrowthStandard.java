package cn.fuyou.childhealth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * WHO Child Growth Standards 2006 (clinical-rules.md §4, rules as in WHO's anthro software) over
 * the LMS tables of jsgrowup 0.8.0. At load, every indicator is expanded to a daily table (days
 * 0–1856): linear within the weekly table to day 91, a natural cubic spline over the monthly table
 * after it. A z-score is then an array lookup and a few floating-point operations.
 */
public final class GrowthStandard {

    public static final String VERSION = "WHO-2006/jsgrowup-0.8.0";
    public static final double DAYS_PER_MONTH = 30.4375;
    /** z-scores are given under 60 months: 60 × 30.4375 = 1826.25 days. */
    public static final int MAX_DAYS = 1856;
    static final int LENGTH_HEIGHT_SWITCH_DAYS = 731;

    public enum Sex { MALE, FEMALE }

    public enum Indicator { WEIGHT_FOR_AGE, LENGTH_FOR_AGE, WEIGHT_FOR_LENGTH, WEIGHT_FOR_HEIGHT, BMI_FOR_AGE, HEAD_CIRCUMFERENCE_FOR_AGE }

    /** L, M, S by day of age (age tables) or by 0.5 cm rows from {@code firstX} (length/height tables). */
    record Lms(double[] l, double[] m, double[] s, double firstX, double step) {
        int size() { return l.length; }
    }

    private final Map<Sex, Map<Indicator, Lms>> tables = new EnumMap<>(Sex.class);

    private static final GrowthStandard INSTANCE = load();

    public static GrowthStandard who() {
        return INSTANCE;
    }

    private GrowthStandard() {}

    private static GrowthStandard load() {
        GrowthStandard g = new GrowthStandard();
        for (Sex sex : Sex.values()) {
            String s = sex == Sex.MALE ? "boys" : "girls";
            Map<Indicator, Lms> t = new EnumMap<>(Indicator.class);
            t.put(Indicator.WEIGHT_FOR_AGE, daily(read("wfa_" + s + "_0_13"), read("wfa_" + s + "_0_5"), 0, 60));
            // Length (recumbent) to 24 months, height (standing) from 24 months: one daily table, switched at 731 days.
            t.put(Indicator.LENGTH_FOR_AGE, joined(daily(read("lhfa_" + s + "_0_13"), read("lhfa_" + s + "_0_2"), 0, 24),
                    daily(null, read("lhfa_" + s + "_2_5"), 24, 60)));
            t.put(Indicator.BMI_FOR_AGE, joined(daily(read("bmifa_" + s + "_0_13"), read("bmifa_" + s + "_0_2"), 0, 24),
                    daily(null, read("bmifa_" + s + "_2_5"), 24, 60)));
            t.put(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, daily(read("hcfa_" + s + "_0_13"), read("hcfa_" + s + "_0_5"), 0, 60));
            t.put(Indicator.WEIGHT_FOR_LENGTH, byLength(read("wfl_" + s + "_0_2"), "Length"));
            t.put(Indicator.WEIGHT_FOR_HEIGHT, byLength(read("wfh_" + s + "_2_5"), "Height"));
            g.tables.put(sex, t);
        }
        return g;
    }

    // ---- z-scores -------------------------------------------------------------------------------

    /** Plain LMS z-score: z = ((y/M)^L − 1)/(S·L). */
    static double lmsZ(double y, double l, double m, double s) {
        return Math.abs(l) < 1e-12 ? Math.log(y / m) / s : (Math.pow(y / m, l) - 1) / (s * l);
    }

    /** SD(k) = M·(1 + L·S·k)^(1/L). */
    static double sd(double k, double l, double m, double s) {
        return Math.abs(l) < 1e-12 ? m * Math.exp(s * k) : m * Math.pow(1 + l * s * k, 1 / l);
    }

    /** Restricted tails beyond ±3 (weight-based indicators), as WHO anthro does. */
    static double restrictedZ(double y, double l, double m, double s) {
        double z = lmsZ(y, l, m, s);
        if (z > 3) {
            double sd3 = sd(3, l, m, s), sd2 = sd(2, l, m, s);
            return 3 + (y - sd3) / (sd3 - sd2);
        }
        if (z < -3) {
            double sd3n = sd(-3, l, m, s), sd2n = sd(-2, l, m, s);
            return -3 + (y - sd3n) / (sd2n - sd3n);
        }
        return z;
    }

    /** An age-based z for whole days of age; NaN outside 0–1856 days. */
    public double zForAge(Sex sex, Indicator indicator, int ageDays, double value) {
        Lms t = tables.get(sex).get(indicator);
        if (ageDays < 0 || ageDays >= t.size()) return Double.NaN;
        double l = t.l()[ageDays], m = t.m()[ageDays], s = t.s()[ageDays];
        return restricted(indicator) ? restrictedZ(value, l, m, s) : lmsZ(value, l, m, s);
    }

    /** Weight-for-length/height z; NaN outside the table's range (45–110 cm, 65–120 cm). */
    public double zForLength(Sex sex, Indicator indicator, double lengthCm, double weightKg) {
        double[] lms = lmsAtLength(sex, indicator, lengthCm);
        return lms == null ? Double.NaN : restrictedZ(weightKg, lms[0], lms[1], lms[2]);
    }

    /** L, M, S interpolated linearly between the table's rows (jsgrowup ships rows every 0.5 cm). */
    double[] lmsAtLength(Sex sex, Indicator indicator, double lengthCm) {
        Lms t = tables.get(sex).get(indicator);
        double pos = (lengthCm - t.firstX()) / t.step();
        if (pos < -1e-9 || pos > t.size() - 1 + 1e-9) return null;
        int i = (int) Math.floor(pos + 1e-9);
        if (i >= t.size() - 1) return new double[]{t.l()[t.size() - 1], t.m()[t.size() - 1], t.s()[t.size() - 1]};
        double f = pos - i;
        return new double[]{t.l()[i] + f * (t.l()[i + 1] - t.l()[i]), t.m()[i] + f * (t.m()[i + 1] - t.m()[i]),
                t.s()[i] + f * (t.s()[i + 1] - t.s()[i])};
    }

    /** The −3…+3 SD values for an age (days) or a length (cm), for charts. */
    public double[] sdLine(Sex sex, Indicator indicator, double x) {
        double l, m, s;
        if (indicator == Indicator.WEIGHT_FOR_LENGTH || indicator == Indicator.WEIGHT_FOR_HEIGHT) {
            double[] lms = lmsAtLength(sex, indicator, x);
            if (lms == null) return null;
            l = lms[0]; m = lms[1]; s = lms[2];
        } else {
            Lms t = tables.get(sex).get(indicator);
            int d = (int) Math.round(x);
            if (d < 0 || d >= t.size()) return null;
            l = t.l()[d]; m = t.m()[d]; s = t.s()[d];
        }
        double[] out = new double[7];
        for (int k = -3; k <= 3; k++) out[k + 3] = sd(k, l, m, s);
        return out;
    }

    public double[] lmsAtAge(Sex sex, Indicator indicator, int ageDays) {
        Lms t = tables.get(sex).get(indicator);
        return new double[]{t.l()[ageDays], t.m()[ageDays], t.s()[ageDays]};
    }

    private static boolean restricted(Indicator i) {
        return i == Indicator.WEIGHT_FOR_AGE || i == Indicator.BMI_FOR_AGE || i == Indicator.WEIGHT_FOR_LENGTH
                || i == Indicator.WEIGHT_FOR_HEIGHT;
    }

    // ---- table expansion ------------------------------------------------------------------------

    private static JsonNode read(String name) {
        try (InputStream in = GrowthStandard.class.getResourceAsStream("/who-growth/" + name + "_zscores.json")) {
            if (in == null) throw new IllegalStateException("WHO growth table " + name + " is missing: the build fetches jsgrowup 0.8.0");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Daily L, M, S from {@code fromMonth} to {@code toMonth}: within the weekly table (to day 91)
     * linear between weeks; beyond it a natural cubic spline through the monthly points (month m
     * at day m × 30.4375). Days are absolute (index 0 = birth); days outside the range stay NaN.
     */
    private static Lms daily(JsonNode weekly, JsonNode monthly, int fromMonth, int toMonth) {
        int lastDay = Math.min(MAX_DAYS, (int) Math.floor(toMonth * DAYS_PER_MONTH + 30));
        double[][] out = new double[3][lastDay + 1];
        for (double[] a : out) java.util.Arrays.fill(a, Double.NaN);
        List<double[]> mx = new ArrayList<>();
        for (JsonNode r : monthly) mx.add(new double[]{r.path("Month").asDouble() * DAYS_PER_MONTH, num(r, "L"), num(r, "M"), num(r, "S")});
        double[] x = mx.stream().mapToDouble(p -> p[0]).toArray();
        Spline[] splines = new Spline[3];
        for (int c = 0; c < 3; c++) {
            final int col = c + 1;
            splines[c] = new Spline(x, mx.stream().mapToDouble(p -> p[col]).toArray());
        }
        int firstDay = (int) Math.ceil(fromMonth * DAYS_PER_MONTH);
        for (int d = firstDay; d <= lastDay; d++) {
            if (weekly != null && d <= 91) {
                int w = d / 7;
                double f = (d % 7) / 7.0;
                JsonNode a = weekly.get(w), b = weekly.get(Math.min(w + 1, weekly.size() - 1));
                out[0][d] = num(a, "L") + f * (num(b, "L") - num(a, "L"));
                out[1][d] = num(a, "M") + f * (num(b, "M") - num(a, "M"));
                out[2][d] = num(a, "S") + f * (num(b, "S") - num(a, "S"));
            } else {
                for (int c = 0; c < 3; c++) out[c][d] = splines[c].at(Math.min(d, x[x.length - 1]));
            }
        }
        return new Lms(out[0], out[1], out[2], 0, 1);
    }

    /** Length table until day 730, height table from day 731 (§4: the age alone picks the table). */
    private static Lms joined(Lms length, Lms height) {
        int n = Math.max(length.size(), height.size());
        double[][] out = new double[3][n];
        for (int d = 0; d < n; d++) {
            Lms src = d < LENGTH_HEIGHT_SWITCH_DAYS ? length : height;
            out[0][d] = src.l()[Math.min(d, src.size() - 1)];
            out[1][d] = src.m()[Math.min(d, src.size() - 1)];
            out[2][d] = src.s()[Math.min(d, src.size() - 1)];
        }
        return new Lms(out[0], out[1], out[2], 0, 1);
    }

    private static Lms byLength(JsonNode rows, String key) {
        int n = rows.size();
        double[] l = new double[n], m = new double[n], s = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = num(rows.get(i), "L");
            m[i] = num(rows.get(i), "M");
            s[i] = num(rows.get(i), "S");
        }
        double first = num(rows.get(0), key);
        double step = num(rows.get(1), key) - first;
        return new Lms(l, m, s, first, step);
    }

    private static double num(JsonNode row, String key) {
        return Double.parseDouble(row.path(key).asText());
    }

    /** A natural cubic spline through (x, y). */
    static final class Spline {
        private final double[] x, y, y2;

        Spline(double[] x, double[] y) {
            this.x = x;
            this.y = y;
            int n = x.length;
            y2 = new double[n];
            double[] u = new double[n];
            for (int i = 1; i < n - 1; i++) {
                double sig = (x[i] - x[i - 1]) / (x[i + 1] - x[i - 1]);
                double p = sig * y2[i - 1] + 2;
                y2[i] = (sig - 1) / p;
                u[i] = (y[i + 1] - y[i]) / (x[i + 1] - x[i]) - (y[i] - y[i - 1]) / (x[i] - x[i - 1]);
                u[i] = (6 * u[i] / (x[i + 1] - x[i - 1]) - sig * u[i - 1]) / p;
            }
            for (int k = n - 2; k >= 0; k--) y2[k] = y2[k] * y2[k + 1] + u[k];
        }

        double at(double v) {
            int lo = 0, hi = x.length - 1;
            while (hi - lo > 1) {
                int mid = (hi + lo) >>> 1;
                if (x[mid] > v) hi = mid; else lo = mid;
            }
            double h = x[hi] - x[lo];
            double a = (x[hi] - v) / h, b = (v - x[lo]) / h;
            return a * y[lo] + b * y[hi] + ((a * a * a - a) * y2[lo] + (b * b * b - b) * y2[hi]) * (h * h) / 6.0;
        }
    }
}
