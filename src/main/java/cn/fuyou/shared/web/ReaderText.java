package cn.fuyou.shared.web;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Text for the person reading this response, in her language ({@code Accept-Language}, zh-CN
 * by default): a message-bundle key is resolved with its arguments; older literal text written
 * as "中文 / English" is cut to the half she reads; anything else is returned as it is.
 */
@Component
public class ReaderText {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-zA-Z0-9_-]+)+");
    private static final Pattern HAN = Pattern.compile("[\\u4e00-\\u9fff]");

    private final MessageSource messages;

    ReaderText(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String keyOrText, Object... args) {
        if (keyOrText == null) return null;
        Locale locale = LocaleContextHolder.getLocale();
        if (KEY.matcher(keyOrText).matches()) {
            return messages.getMessage(keyOrText, args, keyOrText, locale);
        }
        return halfFor(keyOrText, locale);
    }

    private static String halfFor(String text, Locale locale) {
        int slash = text.indexOf(" / ");
        if (slash < 0 || text.indexOf(" / ", slash + 3) >= 0) return text;
        String zh = text.substring(0, slash).trim();
        String en = text.substring(slash + 3).trim();
        if (!HAN.matcher(zh).find() || HAN.matcher(en).find()) return text;
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
