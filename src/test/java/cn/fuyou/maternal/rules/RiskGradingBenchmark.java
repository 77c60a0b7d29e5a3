package cn.fuyou.maternal.rules;

import java.math.BigDecimal;
import java.util.List;
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
 * Issue 3: the grading policy must do ≥ 500,000 gradings/s on one core. A realistic woman: all
 * numeric inputs present and two coded factors.
 * <pre>./mvnw -B -Dskip.web=true test-compile && ./mvnw -B -Dskip.web=true -Dskip.growth-data=true exec:exec -Dexec.executable=java -Dexec.classpathScope=test -Dexec.args="-cp %classpath cn.fuyou.maternal.RiskGradingBenchmark"</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class RiskGradingBenchmark {

    private final RiskGradingPolicy policy = new RiskGradingPolicy(RiskRuleSet.load("NHC-2017-CQ-1"));
    private final RiskInputs typical = new RiskInputs(36, new BigDecimal("158"), new BigDecimal("66.5"), new BigDecimal("104"),
            new BigDecimal("180"), null, null, null, new BigDecimal("0.8"), 1, 1, 30, List.of("MACROSOMIA", "HBSAG_CARRIER_NORMAL_LIVER"));
    private final RiskInputs empty = RiskInputs.none();

    @Benchmark
    public RiskGrading typicalWoman() {
        return policy.grade(typical);
    }

    @Benchmark
    public RiskGrading noFactors() {
        return policy.grade(empty);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(RiskGradingBenchmark.class.getSimpleName()).build()).run();
    }
}
