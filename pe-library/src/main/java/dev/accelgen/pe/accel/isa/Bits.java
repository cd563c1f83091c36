package dev.accelgen.pe.accel.isa;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Encoded width of an instruction field. On an {@code int}/{@code long} component: the field's bits
 * ({@link #signed} for two's complement). On an {@link Opnd}: the width of its immediate (the register
 * always takes 4 bits). Enums and booleans take the bits their values need and carry no annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Bits {
    int value();

    boolean signed() default false;
}
