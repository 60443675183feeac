package org.mitra.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An http or https address on the public internet, as a caller may give for a website: no user info, no IP
 * literal of a loopback, private, link-local, shared, multicast or unspecified range (IPv4 or IPv6, IPv4-mapped
 * included), no IPv4 in decimal, octal, hexadecimal or shortened form, no {@code localhost} or single-label
 * intranet name, no percent-encoded host. Mitra never fetches such an address; the check keeps anything that one
 * day might (a link preview, a webhook) from being pointed inside the network. Null is valid (use {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = PublicWebAddressValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicWebAddress {
    String message() default "{org.mitra.web.validation.PublicWebAddress.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
