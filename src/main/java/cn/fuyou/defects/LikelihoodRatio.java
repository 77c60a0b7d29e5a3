package cn.fuyou.defects;

import java.util.List;
import java.util.Map;

/**
 * The likelihood ratio of a set of markers' log10 MoMs between an affected and the unaffected
 * population, each a multivariate Gaussian (Reynolds & Penney 1990, clinical-rules.md §7):
 * LR = f_affected(x) / f_unaffected(x), f(x) = exp(−½ (x−μ)ᵀ Σ⁻¹ (x−μ)) / √((2π)^k |Σ|).
 */
public final class LikelihoodRatio {

    private LikelihoodRatio() {}

    /** @param log10Moms marker → log10 MoM (the markers measured; the others are left out of both densities) */
    public static double of(Map<String, Double> log10Moms, MarkerParameters.Distribution affected, MarkerParameters.Distribution unaffected) {
        List<String> markers = List.copyOf(new java.util.TreeSet<>(log10Moms.keySet()));
        if (markers.isEmpty()) throw new IllegalArgumentException("no markers");
        return Math.exp(logDensity(log10Moms, markers, affected) - logDensity(log10Moms, markers, unaffected));
    }

    static double logDensity(Map<String, Double> x, List<String> markers, MarkerParameters.Distribution d) {
        int k = markers.size();
        double[][] cov = new double[k][k];
        double[] diff = new double[k];
        for (int i = 0; i < k; i++) {
            String a = markers.get(i);
            diff[i] = x.get(a) - d.means().get(a);
            for (int j = 0; j < k; j++) {
                String b = markers.get(j);
                cov[i][j] = d.correlation(a, b) * d.sds().get(a) * d.sds().get(b);
            }
        }
        // Cholesky: cov = L Lᵀ; log|cov| = 2 Σ log L_ii; (x−μ)ᵀ cov⁻¹ (x−μ) = |L⁻¹ (x−μ)|²
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = cov[i][j];
                for (int m = 0; m < j; m++) s -= l[i][m] * l[j][m];
                if (i == j) {
                    if (s <= 0) throw new IllegalArgumentException("the correlations do not form a valid covariance matrix");
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[k];
        double quad = 0, logDet = 0;
        for (int i = 0; i < k; i++) {
            double s = diff[i];
            for (int m = 0; m < i; m++) s -= l[i][m] * z[m];
            z[i] = s / l[i][i];
            quad += z[i] * z[i];
            logDet += 2 * Math.log(l[i][i]);
        }
        return -0.5 * quad - 0.5 * logDet - 0.5 * k * Math.log(2 * Math.PI);
    }
}
