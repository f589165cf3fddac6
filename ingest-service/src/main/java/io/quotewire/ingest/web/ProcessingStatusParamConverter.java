package io.quotewire.ingest.web;

import io.quotewire.ingest.api.model.ProcessingStatus;
import io.quotewire.web.ProblemException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;

/** {@code ?status=} accepts the state names in any case; anything else is a 400, not a 404. */
@Provider
public class ProcessingStatusParamConverter implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != ProcessingStatus.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<ProcessingStatus>() {
            @Override
            public ProcessingStatus fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                String name = value.strip().toUpperCase(Locale.ROOT);
                return Arrays.stream(ProcessingStatus.values())
                        .filter(s -> s.name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> ProblemException.badRequest("status must be one of "
                                + Arrays.toString(ProcessingStatus.values()) + ", not '" + value + "'"));
            }

            @Override
            public String toString(ProcessingStatus value) {
                return value == null ? null : value.name();
            }
        };
    }
}
