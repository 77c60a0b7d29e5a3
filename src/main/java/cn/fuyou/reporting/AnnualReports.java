package cn.fuyou.reporting;

import cn.fuyou.registry.Area;
import cn.fuyou.shared.ApiException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual-report tables for an area and statistical year (1 Oct – 30 Sep): maternal health
 * (卫统41 grouping: births, care, delivery, outcomes, quality) and child health under 7 (卫统42:
 * newborn outcomes, visits, growth). Rows are the area's districts (the Liangjiang zone its own row)
 * and a total; columns the base counts, then each indicator's numerator and rate.
 */
@Service
public class AnnualReports {

    public enum Kind { MATERNAL, CHILD }

    /** @param unit, precision an indicator's unit and decimals; null for a count column */
    public record Column(String key, String nameZh, String nameEn, String unit, Integer precision) {}

    public record TableRow(String area, String nameZh, String nameEn, List<Object> values) {}

    public record Table(String kind, String area, String areaNameZh, int year, LocalDate from, LocalDate to, String edition,
                        List<Column> columns, List<TableRow> rows, TableRow total) {}

    private final IndicatorFigures figures;
    private final StatsAccess access;

    AnnualReports(IndicatorFigures figures, StatsAccess access) {
        this.figures = figures;
        this.access = access;
    }

    public static LocalDate yearStart(int statYear) {
        return LocalDate.of(statYear - 1, 10, 1);
    }

    public static LocalDate yearEnd(int statYear) {
        return LocalDate.of(statYear, 9, 30);
    }

    public static Kind kind(String v) {
        try {
            return Kind.valueOf(v == null ? "" : v.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("kind", "kind为maternal或child / kind is maternal or child");
        }
    }

    @Transactional
    public Table table(Kind kind, StatsScope scope, int year) {
        access.audited("AnnualReport", kind.name(), scope, Map.of("year", year));
        IndicatorCatalogue cat = figures.catalogue();
        Set<String> groups = kind == Kind.MATERNAL ? Set.of("maternal", "quality") : Set.of("child");
        List<IndicatorCatalogue.Indicator> indicators = cat.indicators().stream().filter(i -> groups.contains(i.group())).toList();
        List<String> bases = kind == Kind.MATERNAL ? List.of("LIVE_BIRTH", "WOMAN_DELIVERED", "PERINATAL_BIRTH")
                : List.of("LIVE_BIRTH", "CHILD_U5_MEASURED", "CHILD_U5_HB_TESTED");
        List<Column> columns = new ArrayList<>();
        for (String b : bases) {
            var m = cat.measure(b).orElseThrow();
            columns.add(new Column(b, m.nameZh(), m.nameEn(), null, null));
        }
        for (var i : indicators) {
            var m = cat.measure(i.numerator()).orElseThrow();
            columns.add(new Column(i.numerator(), m.nameZh(), m.nameEn(), null, null));
            columns.add(new Column(i.code(), i.nameZh() + "(" + i.unit() + ")", i.nameEn() + " (" + i.unit() + ")", i.unit(), i.precision()));
        }
        Set<String> measures = new LinkedHashSet<>(bases);
        measures.addAll(IndicatorFigures.measuresOf(indicators));
        var byArea = figures.countsBy(IndicatorFigures.By.AREA, measures, scope);
        List<TableRow> rows = new ArrayList<>();
        Map<String, Long> total = new LinkedHashMap<>();
        for (Area part : access.parts(scope.area())) {
            Map<String, Long> c = new LinkedHashMap<>();
            for (String unit : access.units(part.code())) byArea.getOrDefault(unit, Map.of()).forEach((m, n) -> c.merge(m, n, Long::sum));
            c.forEach((m, n) -> total.merge(m, n, Long::sum));
            rows.add(new TableRow(part.code(), part.nameZh(), part.nameEn(), values(bases, indicators, c)));
        }
        Area a = access.area(scope.area());
        return new Table(kind.name(), a.code(), a.nameZh(), year, scope.from(), scope.to(), cat.edition(), columns, rows,
                new TableRow(a.code(), "合计", "Total", values(bases, indicators, total)));
    }

    private static List<Object> values(List<String> bases, List<IndicatorCatalogue.Indicator> indicators, Map<String, Long> c) {
        List<Object> v = new ArrayList<>();
        for (String b : bases) v.add(c.getOrDefault(b, 0L));
        for (var i : indicators) {
            long num = c.getOrDefault(i.numerator(), 0L), den = c.getOrDefault(i.denominator(), 0L);
            v.add(num);
            v.add(IndicatorPrecision.value(num, den, i));
        }
        return v;
    }

    /** The table as a real .xlsx (streaming), zh-CN headings, counts as numbers, each rate shown to its indicator's precision. */
    public void writeXlsx(Table t, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(t.kind().equals("MATERNAL") ? "孕产妇保健" : "7岁以下儿童保健");
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            head.setWrapText(true);
            Map<Integer, CellStyle> rateStyles = new HashMap<>();
            String title = t.areaNameZh() + " " + t.year() + "统计年度（" + t.from() + "至" + t.to() + "）"
                    + (t.kind().equals("MATERNAL") ? "孕产妇保健和健康情况年报表" : "7岁以下儿童保健和健康情况年报表");
            Row r0 = sheet.createRow(0);
            r0.createCell(0).setCellValue(title);
            r0.getCell(0).setCellStyle(head);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(1, t.columns().size())));
            sheet.createRow(1).createCell(0).setCellValue("指标版本 " + t.edition());
            Row header = sheet.createRow(2);
            header.createCell(0).setCellValue("地区");
            header.getCell(0).setCellStyle(head);
            for (int c = 0; c < t.columns().size(); c++) {
                header.createCell(c + 1).setCellValue(t.columns().get(c).nameZh());
                header.getCell(c + 1).setCellStyle(head);
            }
            int r = 3;
            List<TableRow> all = new ArrayList<>(t.rows());
            all.add(t.total());
            for (TableRow row : all) {
                Row x = sheet.createRow(r++);
                x.createCell(0).setCellValue(row.nameZh());
                for (int c = 0; c < row.values().size(); c++) {
                    Object v = row.values().get(c);
                    var cell = x.createCell(c + 1);
                    if (v instanceof Long n) cell.setCellValue(n);
                    else if (v instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                        cell.setCellStyle(rateStyles.computeIfAbsent(t.columns().get(c).precision(), p -> rateStyle(wb, p)));
                    }
                    else cell.setCellValue("—");
                }
            }
            sheet.setColumnWidth(0, 20 * 256);
            for (int c = 1; c <= t.columns().size(); c++) sheet.setColumnWidth(c, 14 * 256);
            wb.write(out);
            wb.dispose();
        }
    }

    private static CellStyle rateStyle(SXSSFWorkbook wb, int precision) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(IndicatorPrecision.spreadsheetFormat(precision)));
        return style;
    }
}
