package org.carepath.platform;

import java.util.Arrays;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says which field of a JSON document was wrong and why, without echoing the offending value (it may be
 * patient data).
 */
public final class JsonErrors {

    private JsonErrors() {}

    /** The dotted path of the field, e.g. {@code patient.contact.channel} or {@code symptoms[1]}. */
    public static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    public static String reason(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            // A misspelt field must not pass as absent: "mriContraindicted": true is not "not contraindicated".
            return "is not a field of this request";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> target = invalid.getTargetType();
            if (target.isEnum()) {
                return "must be one of "
                        + Arrays.stream(target.getEnumConstants())
                                .map(Object::toString)
                                .collect(Collectors.joining(", "));
            }
            return "must be a valid " + target.getSimpleName();
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be a " + describe(mismatched.getTargetType());
        }
        return "is not valid JSON here";
    }

    public static String describe(JacksonException e) {
        return field(e) + " " + reason(e);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (type.isRecord() || !type.getName().startsWith("java.")) {
            return "JSON object";
        }
        return type.getSimpleName();
    }
}
