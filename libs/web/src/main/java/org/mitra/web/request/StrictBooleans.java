package org.mitra.web.request;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;

/**
 * Query, path and header parameters of type {@code Boolean} or {@code boolean} take {@code true} or {@code false}
 * (any case) and nothing else. JAX-RS' default, {@code Boolean.valueOf}, reads every other value as false, so a
 * client's typo ({@code available=yes}) silently returned what it did not ask for; now it is a 400 problem (the
 * shared problem mappers turn a parameter that cannot be converted into one). An empty value means the parameter
 * was not given; so does {@code 0} for a primitive, which is how Quarkus REST hands over an absent one.
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Boolean.class && rawType != boolean.class) {
            return null;
        }
        boolean primitive = rawType == boolean.class;
        return (ParamConverter<T>) new ParamConverter<Boolean>() {
            @Override
            public Boolean fromString(String value) {
                if (value == null || value.isBlank()) {
                    return primitive ? Boolean.FALSE : null;
                }
                return switch (value.strip().toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    // Quarkus REST hands an absent primitive parameter over as "0".
                    case "0" -> primitive ? Boolean.FALSE : invalid();
                    default -> invalid();
                };
            }

            private Boolean invalid() {
                throw new IllegalArgumentException("must be true or false");
            }

            @Override
            public String toString(Boolean value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
