package org.heteronym.deployment;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fabric8 model keeps any field it does not know in an "additionalProperties" map instead of failing; a field
 * that Kubernetes does not define (a typo, a field at the wrong level) ends up there. This walks an object and names
 * every such field, so that a manifest is held to the schema, not only to its types.
 */
final class StrictModel {

    private StrictModel() {
    }

    static List<String> unknownFields(Object object) {
        List<String> found = new ArrayList<>();
        walk(object, "", found);
        return found;
    }

    private static void walk(Object value, String path, List<String> found) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, found));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;   // strings, numbers, booleans
        }
        for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object child;
                try {
                    child = field.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (field.getName().equals("additionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty() && !isCustomResource(value)) {
                        extra.keySet().forEach(key -> found.add(path + "." + key));
                    }
                } else {
                    walk(child, path + "." + field.getName(), found);
                }
            }
        }
    }

    /** Generic resources hold a custom resource's spec there; {@link CloudNativePg} checks those. */
    private static boolean isCustomResource(Object value) {
        return value instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource;
    }
}
