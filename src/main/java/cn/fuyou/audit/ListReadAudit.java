package cn.fuyou.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Lists are reads too (issue 15 §5): any API answer that lists persons' records — worklists, case
 * lists, inboxes, a nursery's children, in any module, present or future — leaves one audit row
 * naming every person shown, unless the service already wrote a row naming them. A person is
 * recognised by a UUID record component called personId, womanId, childId or motherId.
 */
@ControllerAdvice
class ListReadAudit implements ResponseBodyAdvice<Object> {

    static final String PERSONS_LOGGED = "fuyou.audit.personsLogged";
    private static final Set<String> PERSON_FIELDS = Set.of("personId", "womanId", "childId", "motherId");

    private final AuditLog audit;

    ListReadAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(request instanceof ServletServerHttpRequest servlet)) return body;
        HttpServletRequest req = servlet.getServletRequest();
        if (!"GET".equals(req.getMethod()) || req.getAttribute(PERSONS_LOGGED) != null) return body;
        Collection<?> items = body instanceof cn.fuyou.shared.PageResult<?> page ? page.items()
                : body instanceof Collection<?> c ? c : null;
        if (items == null || items.isEmpty()) return body;
        Set<UUID> persons = new LinkedHashSet<>();
        for (Object item : items) personsIn(item, persons);
        if (!persons.isEmpty()) {
            String entity = items.iterator().next().getClass().getSimpleName();
            audit.recordIndependently(AuditRecord.list("LIST", entity, persons, Map.of("path", req.getRequestURI(), "results", items.size())));
        }
        return body;
    }

    private static void personsIn(Object item, Set<UUID> into) {
        if (item == null || !item.getClass().isRecord()) return;
        for (RecordComponent c : item.getClass().getRecordComponents()) {
            if (!PERSON_FIELDS.contains(c.getName()) || c.getType() != UUID.class) continue;
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                Object v = accessor.invoke(item);
                if (v != null) into.add((UUID) v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
