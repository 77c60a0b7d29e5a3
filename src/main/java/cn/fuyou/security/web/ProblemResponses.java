package cn.fuyou.security.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** problem+json for refusals raised inside the security filter chain (before any controller). */
@Component
public class ProblemResponses {

    private final ObjectMapper json;

    private final org.springframework.context.MessageSource messages;

    ProblemResponses(ObjectMapper json, org.springframework.context.MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    public void unauthenticated(HttpServletRequest req, HttpServletResponse res, AuthenticationException e) throws IOException {
        write(res, 401, "unauthenticated", "请先登录 / sign in first");
    }

    /** Request attribute set by the access-policy check: the module:action that refused, or "access-policy-missing". */
    public static final String POLICY_DENIED = "fuyou.access-policy.denied";

    public void denied(HttpServletRequest req, HttpServletResponse res, AccessDeniedException e) throws IOException {
        Object policy = req.getAttribute(POLICY_DENIED);
        if (e instanceof CsrfException) {
            write(res, 403, "csrf", "请求缺少有效的CSRF令牌，请刷新页面 / missing or invalid CSRF token; reload the page");
        } else if ("access-policy-missing".equals(policy)) {
            write(res, 403, "access-policy-missing", text("security.policy.missing"));
        } else if (policy != null) {
            write(res, 403, "access-policy", text("security.policy.denied"), Map.of("action", policy));
        } else {
            write(res, 403, "forbidden", "您无权执行此操作 / you are not allowed to do this");
        }
    }

    /** A message of the security bundle in the reader's language (Accept-Language; zh-CN by default). */
    private String text(String key) {
        return messages.getMessage(key, null, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    public void write(HttpServletResponse res, int status, String code, String detail) throws IOException {
        write(res, status, code, detail, Map.of());
    }

    public void write(HttpServletResponse res, int status, String code, String detail, Map<String, Object> extra) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:fuyou:problem:" + code);
        body.put("title", org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        body.putAll(extra);
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        json.writeValue(res.getOutputStream(), body);
    }
}
