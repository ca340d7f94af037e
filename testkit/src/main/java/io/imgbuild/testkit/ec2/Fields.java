package io.imgbuild.testkit.ec2;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the member maps that {@link XmlOutput} writes; null values are left out, as EC2 leaves them out. */
final class Fields {

    private Fields() {}

    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return map;
    }
}
