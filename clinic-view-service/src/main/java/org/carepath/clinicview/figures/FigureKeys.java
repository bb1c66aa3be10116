package org.carepath.clinicview.figures;

/**
 * Entry keys as MongoDB field names: ids come from other services, and a {@code .} or a leading {@code $} in one
 * would otherwise be read as a path or an operator.
 */
public final class FigureKeys {

    private FigureKeys() {}

    public static String path(String field, String key) {
        return field + "." + encode(key);
    }

    static String encode(String key) {
        return key.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    public static String decode(String key) {
        return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
