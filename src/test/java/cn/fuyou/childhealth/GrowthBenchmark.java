package cn.fuyou.childhealth;

import cn.fuyou.childhealth.GrowthStandard.Indicator;
import cn.fuyou.childhealth.GrowthStandard.Sex;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Issue 4: ≥ 1,000,000 z-score computations/s on one core.
 * <pre>./mvnw -B -Dskip.web=true test-compile && ./mvnw -B -Dskip.web=true -Dskip.growth-data=true exec:exec -Dexec.executable=java -Dexec.classpathScope=test -Dexec.args="-cp %classpath cn.fuyou.childhealth.GrowthBenchmark"</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class GrowthBenchmark {

    private final GrowthStandard who = GrowthStandard.who();
    private int day;

    /** One weight-for-age z (the restricted-tail path included). */
    @Benchmark
    public double weightForAgeZ() {
        day = (day + 37) % 1800;
        return who.zForAge(Sex.FEMALE, Indicator.WEIGHT_FOR_AGE, day, 3.0 + day * 0.008);
    }

    /** One weight-for-length z (interpolated L, M, S). */
    @Benchmark
    public double weightForLengthZ() {
        day = (day + 37) % 600;
        return who.zForLength(Sex.MALE, Indicator.WEIGHT_FOR_LENGTH, 50 + day * 0.1, 3.5 + day * 0.012);
    }

    /** A whole visit: five indicators with rounding, percentiles, flags and classification. */
    @Benchmark
    public GrowthAssessment.Result fullAssessment() {
        day = (day + 37) % 1000;
        return GrowthAssessment.assess(who, new GrowthAssessment.Measurement(Sex.MALE, day, 4.0 + day * 0.009, 52 + day * 0.04,
                GrowthAssessment.Position.RECUMBENT, 36 + day * 0.01, false));
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(GrowthBenchmark.class.getSimpleName()).build()).run();
    }
}
