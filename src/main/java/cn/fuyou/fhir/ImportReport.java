package cn.fuyou.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What an import did with each resource type (issue 16 §8): how many were mapped into fuyou's
 * record, kept as received, or not kept — with the reason. A resource may be both mapped and kept
 * (an Observation that became part of an antenatal contact is also kept as it came).
 */
public final class ImportReport {

    /** One resource type's counts. */
    public record Line(String resourceType, int mapped, int kept, int notKept, String reason) {}

    private final Map<String, int[]> counts = new TreeMap<>();
    private final Map<String, String> reasons = new TreeMap<>();

    public void mapped(String type) {
        row(type)[0]++;
    }

    public void kept(String type, int n) {
        row(type)[1] += n;
    }

    public void notKept(String type, String reason) {
        row(type)[2]++;
        reasons.putIfAbsent(type, reason);
    }

    private int[] row(String type) {
        return counts.computeIfAbsent(type == null ? "(no resourceType)" : type, k -> new int[3]);
    }

    public void add(Line l) {
        int[] r = row(l.resourceType());
        r[0] += l.mapped();
        r[1] += l.kept();
        r[2] += l.notKept();
        if (l.reason() != null) reasons.putIfAbsent(l.resourceType(), l.reason());
    }

    public void addAll(ImportReport other) {
        other.lines().forEach(this::add);
    }

    public List<Line> lines() {
        List<Line> out = new ArrayList<>();
        counts.forEach((t, c) -> out.add(new Line(t, c[0], c[1], c[2], reasons.get(t))));
        return out;
    }

    public int total(java.util.function.ToIntFunction<Line> column) {
        return lines().stream().mapToInt(column).sum();
    }

    /** The report as an OperationOutcome: one information issue per resource type, a warning for each type not kept. */
    public OperationOutcome toOperationOutcome() {
        OperationOutcome oo = new OperationOutcome();
        for (Line l : lines()) {
            String text = l.resourceType() + ": " + l.mapped() + " mapped, " + l.kept() + " kept as received, " + l.notKept() + " not kept"
                    + (l.notKept() > 0 && l.reason() != null ? " (" + l.reason() + ")" : "");
            oo.addIssue().setSeverity(l.notKept() > 0 ? OperationOutcome.IssueSeverity.WARNING : OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(l.notKept() > 0 ? OperationOutcome.IssueType.NOTSUPPORTED : OperationOutcome.IssueType.INFORMATIONAL)
                    .setDiagnostics(text).addExpression(l.resourceType());
        }
        return oo;
    }
}
