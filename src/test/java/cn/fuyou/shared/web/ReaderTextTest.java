package cn.fuyou.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Every module's bundle is found, and the reader gets her language (design: text from message bundles by Accept-Language). */
class ReaderTextTest {

    private final ReaderText text = new ReaderText(new MessageBundles().messageSource());

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aModuleKeyIsResolvedWithItsArgumentsInTheReadersLanguage() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(text.of("shared.error.date-order", "随访日期", "末次月经")).isEqualTo("随访日期不能早于末次月经");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(text.of("shared.error.date-order", "visit date", "LMP")).isEqualTo("visit date cannot be earlier than LMP");
    }

    @Test
    void theMainBundleIsStillThere() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(text.of("risk.factor.ASTHMA")).isEqualTo("asthma");
    }

    @Test
    void bilingualLiteralTextIsCutToTheReadersHalf() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(text.of("附件为空 / the attachment is empty")).isEqualTo("the attachment is empty");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(text.of("附件为空 / the attachment is empty")).isEqualTo("附件为空");
        assertThat(text.of("A record with the same key already exists")).isEqualTo("A record with the same key already exists");
    }
}
