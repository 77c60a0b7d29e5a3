package cn.fuyou.births;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.births.internal.CertificatePdf;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 18 — the birth medical certificate printed as a PDF with embedded CJK fonts (clinical-rules.md §9). */
class CertificatePdfTest {

    @Test
    @DisplayName("§9: the PDF carries every certificate field, in Chinese, with the fonts embedded (read back by text extraction)")
    void readBack() throws Exception {
        var c = new BirthCertificate(UUID.randomUUID(), "Q500000123", UUID.randomUUID(), "CQHCWC", "重庆市妇幼保健院",
                "Chongqing Health Center for Women and Children", "REPLACEMENT", "户籍登记姓名变更", "VALID", null, null, "王小满", "F",
                OffsetDateTime.of(2026, 3, 10, 8, 30, 0, 0, ZoneOffset.ofHours(8)), "重庆市渝北区 重庆市妇幼保健院", 275, 3250,
                new BigDecimal("50.5"), "李秀英", "中国", "土家族", "RESIDENT_ID", "500112199203151248", "王建国", "中国", "汉族",
                "RESIDENT_ID", "500112199001011234", OffsetDateTime.of(2026, 3, 12, 10, 0, 0, 0, ZoneOffset.ofHours(8)), "cqfy-midwife", 0);
        byte[] pdf = new CertificatePdf().render(c);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "birth-certificate.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("出生医学证明", "Q500000123", "王小满", "女", "2026年03月10日 08时30分", "39周+2天", "3250", "50.5",
                    "李秀英", "土家族", "500112199203151248", "王建国", "重庆市妇幼保健院", "换发", "户籍登记姓名变更");
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
            }
        }
        assertThat(pdf.length).as("subset fonts keep the file small").isLessThan(400_000);
    }
}
