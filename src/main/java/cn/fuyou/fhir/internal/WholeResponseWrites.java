package cn.fuyou.fhir.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.io.FilterWriter;
import java.io.Writer;

/**
 * HAPI's JSON writer writes every number and boolean through Jackson's {@code writeObject}, which
 * flushes after each value ({@code FLUSH_AFTER_WRITE_VALUE}): each Observation's value went to the
 * socket as its own chunk, half of a {@code $everything} page's time in write(2) (issue 16 §8,
 * measured with async-profiler). The response writer ignores those flushes; the container still
 * sends whenever its buffer fills and at the end of the response.
 */
@Interceptor
class WholeResponseWrites {

    @Hook(Pointcut.SERVER_OUTGOING_WRITER_CREATED)
    public Writer writerCreated(Writer writer) {
        return new FilterWriter(writer) {
            @Override
            public void flush() {
                // the response is sent as the buffer fills and when it completes, not per value
            }
        };
    }
}
