package cn.fuyou.defects;

import cn.fuyou.registry.Area;
import cn.fuyou.reporting.IndicatorCatalogue;
import cn.fuyou.reporting.IndicatorFigures;
import cn.fuyou.reporting.IndicatorPrecision;
import cn.fuyou.reporting.StatsAccess;
import cn.fuyou.reporting.StatsScope;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * Birth-defect surveillance figures (issue 17 §5) from the indicator catalogue: prevalence per 10,000
 * perinatal births overall, by category, maternal age group, month and district; the prenatal detection
 * rate; prenatal screening coverage; and the quarterly surveillance table as .xlsx. Who may see which
 * area is {@link StatsAccess}'s rule, and every read is audited there.
 */
@Service
public class DefectStatistics {

    private final StatsAccess access;
    private final IndicatorFigures figures;
    private final ScreeningPolicy policy;

    DefectStatistics(StatsAccess access, IndicatorFigures figures, ScreeningPolicy policy) {
        this.access = access;
        this.figures = figures;
        this.policy = policy;
    }

    public record Rate(String key, String nameZh, String nameEn, long cases, long births,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS) BigDecimal value) {}

    public record Statistics(String area, String areaNameZh, String areaNameEn, LocalDate from, LocalDate to, String edition,
                             List<IndicatorFigures.Figure> indicators, List<Rate> byCategory, List<Rate> byAgeGroup, List<Rate> byMonth,
                             List<Rate> byDistrict) {}

    static final List<String> HEADLINE = List.of("BIRTH_DEFECT_PREVALENCE", "BIRTH_DEFECT_PRENATAL_DETECTION", "PRENATAL_SCREENING");
    static final String[][] AGE_NAMES = {{"<20岁", "under 20"}, {"20–24岁", "20–24"}, {"25–29岁", "25–29"}, {"30–34岁", "30–34"}, {"≥35岁", "35+"}};

    @org.springframework.transaction.annotation.Transactional
    public Statistics statistics(String area, String from, String to, String institution) {
        StatsScope scope = access.scope(area, from, to, institution, null);
        access.audited("DefectStatistics", "BIRTH_DEFECT_PREVALENCE", scope, Map.of());
        return compute(scope);
    }

    Statistics compute(StatsScope scope) {
        IndicatorCatalogue cat = figures.catalogue();
        List<IndicatorCatalogue.Indicator> headline = HEADLINE.stream().map(c -> cat.indicator(c).orElseThrow()).toList();
        IndicatorCatalogue.Indicator prevalence = headline.get(0); // every breakdown is a prevalence: its multiplier and precision
        Set<String> measures = new LinkedHashSet<>(IndicatorFigures.measuresOf(headline));
        for (String c : policy.rules().categories().keySet()) measures.add("BIRTH_DEFECT_CASE_" + c);
        for (String g : DefectFacts.AGE_GROUPS) {
            measures.add("BIRTH_DEFECT_CASE_MAGE_" + g);
            measures.add("PERINATAL_BIRTH_MAGE_" + g);
        }
        Map<String, Long> counts = figures.counts(measures, scope);
        List<IndicatorFigures.Figure> top = headline.stream().map(i -> figures.figure(i, counts)).toList();
        long births = counts.getOrDefault("PERINATAL_BIRTH", 0L);
        List<Rate> byCategory = new ArrayList<>();
        policy.rules().categories().values().forEach(c -> byCategory.add(rate(prevalence, c.code(), c.nameZh(), c.nameEn(),
                counts.getOrDefault("BIRTH_DEFECT_CASE_" + c.code(), 0L), births)));
        List<Rate> byAge = new ArrayList<>();
        for (int i = 0; i < DefectFacts.AGE_GROUPS.size(); i++) {
            String g = DefectFacts.AGE_GROUPS.get(i);
            byAge.add(rate(prevalence, g, AGE_NAMES[i][0], AGE_NAMES[i][1], counts.getOrDefault("BIRTH_DEFECT_CASE_MAGE_" + g, 0L),
                    counts.getOrDefault("PERINATAL_BIRTH_MAGE_" + g, 0L)));
        }
        Set<String> pair = Set.of("BIRTH_DEFECT_CASE", "PERINATAL_BIRTH");
        List<Rate> byMonth = new ArrayList<>();
        var months = figures.countsBy(IndicatorFigures.By.MONTH, pair, scope);
        for (LocalDate m = scope.from().withDayOfMonth(1); !m.isAfter(scope.to()); m = m.plusMonths(1)) {
            String key = m.toString().substring(0, 7);
            var c = months.getOrDefault(key, Map.of());
            byMonth.add(rate(prevalence, key, key, key, c.getOrDefault("BIRTH_DEFECT_CASE", 0L), c.getOrDefault("PERINATAL_BIRTH", 0L)));
        }
        var areas = figures.countsBy(IndicatorFigures.By.AREA, pair, scope);
        List<Rate> byDistrict = new ArrayList<>();
        for (Area part : access.parts(scope.area())) {
            long cases = 0, b = 0;
            for (String unit : access.units(part.code())) {
                var c = areas.getOrDefault(unit, Map.of());
                cases += c.getOrDefault("BIRTH_DEFECT_CASE", 0L);
                b += c.getOrDefault("PERINATAL_BIRTH", 0L);
            }
            byDistrict.add(rate(prevalence, part.code(), part.nameZh(), part.nameEn(), cases, b));
        }
        Area a = access.area(scope.area());
        return new Statistics(a.code(), a.nameZh(), a.nameEn(), scope.from(), scope.to(), cat.edition(), top, byCategory, byAge, byMonth, byDistrict);
    }

    private static Rate rate(IndicatorCatalogue.Indicator prevalence, String key, String zh, String en, long cases, long births) {
        return new Rate(key, zh, en, cases, births, IndicatorPrecision.value(cases, births, prevalence));
    }

    /** The quarterly surveillance table of an area: perinatal births and defects by maternal age group, defects by category and district. */
    @org.springframework.transaction.annotation.Transactional
    public Statistics quarter(String area, int year, int quarter) {
        LocalDate from = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        return statistics(area, from.toString(), from.plusMonths(3).minusDays(1).toString(), null);
    }

    public void writeXlsx(Statistics s, int year, int quarter, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            Sheet sheet = wb.createSheet("出生缺陷监测季报");
            int r = 0;
            row(sheet, r++, head, s.areaNameZh() + " " + year + "年第" + quarter + "季度 出生缺陷监测季报表（医院监测，孕满28周至产后7天）");
            row(sheet, r++, null, "统计期间 " + s.from() + " – " + s.to() + "；指标目录版本 " + s.edition() + "；规则版本 " + policy.version());
            r++;
            row(sheet, r++, head, "母亲年龄组", "围产儿数", "出生缺陷儿数", "发生率（1/万）");
            for (Rate x : s.byAgeGroup()) r = rateRow(sheet, r, x);
            IndicatorFigures.Figure prev = s.indicators().get(0);
            row(sheet, r++, head, "合计", String.valueOf(prev.denominator()), String.valueOf(prev.numerator()), str(prev.value()));
            r++;
            row(sheet, r++, head, "缺陷类别（ICD-10）", "围产儿数", "出生缺陷儿数", "发生率（1/万）");
            for (Rate x : s.byCategory()) {
                var icd = policy.rules().category(x.key()).map(c -> String.join("/", c.icd10())).orElse("");
                r = rateRow(sheet, r, new Rate(x.key(), x.nameZh() + "（" + icd + "）", x.nameEn(), x.cases(), x.births(), x.value()));
            }
            r++;
            row(sheet, r++, head, "地区", "围产儿数", "出生缺陷儿数", "发生率（1/万）");
            for (Rate x : s.byDistrict()) r = rateRow(sheet, r, x);
            r++;
            row(sheet, r++, head, "月份", "围产儿数", "出生缺陷儿数", "发生率（1/万）");
            for (Rate x : s.byMonth()) r = rateRow(sheet, r, x);
            r++;
            for (IndicatorFigures.Figure f : s.indicators()) {
                row(sheet, r++, null, f.nameZh(), String.valueOf(f.numerator()), String.valueOf(f.denominator()), str(f.value()), f.unit());
            }
            sheet.setColumnWidth(0, 40 * 256);
            for (int c = 1; c < 5; c++) sheet.setColumnWidth(c, 16 * 256);
            wb.write(out);
            wb.dispose();
        }
    }

    private static int rateRow(Sheet sheet, int r, Rate x) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(x.nameZh());
        row.createCell(1).setCellValue(x.births());
        row.createCell(2).setCellValue(x.cases());
        Cell v = row.createCell(3);
        if (x.value() != null) v.setCellValue(x.value().doubleValue());
        return r + 1;
    }

    private static void row(Sheet sheet, int r, CellStyle style, String... values) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < values.length; i++) {
            Cell c = row.createCell(i);
            c.setCellValue(values[i]);
            if (style != null) c.setCellStyle(style);
        }
    }

    private static String str(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }
}
