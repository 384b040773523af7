package dev.launchc.model.bind;

import dev.launchc.load.Yaml11;
import dev.launchc.load.YMap;
import dev.launchc.load.YNode;
import dev.launchc.load.YScalar;
import dev.launchc.load.YSeq;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds YAML nodes to the records of a versioned model, the way yaml.v2 decodes into Go structs:
 * record component names are the YAML keys, any scalar binds to a String with its literal text,
 * {@code null} in a map keeps the key with a null value (MicroK8s: remove the flag; {@code NULL} binds to ""), and a key that
 * is absent stays null so that "absent" and "empty" remain apart. Values of the wrong shape bind to
 * null: the schema has already reported them.
 */
public final class RecordBinder {
    private RecordBinder() {}

    public static <R extends Record> R bind(YNode node, Class<R> type) {
        return type.cast(bindValue(node, type));
    }

    private static Object bindValue(YNode node, Type type) {
        if (node == null || (node instanceof YScalar s && s.isNull() && type != String.class)) {
            return null;
        }
        if (type == String.class) {
            return node instanceof YScalar s ? (s.isNull() ? null : s.text()) : null;
        }
        if (type == Boolean.class) {
            if (node instanceof YScalar s && s.plain()) {
                return Yaml11.bool(s.text());
            }
            return null;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return node instanceof YMap m ? bindRecord(m, c) : null;
        }
        if (type instanceof ParameterizedType p) {
            Type raw = p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class && node instanceof YSeq seq) {
                List<Object> out = new ArrayList<>();
                for (YNode item : seq.items()) {
                    out.add(bindValue(item, args[0]));
                }
                return out;
            }
            if (raw == Map.class && node instanceof YMap map) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (YMap.Entry e : map.entries()) {
                    // NULL and Null are null to yaml.v2 but do not leave a map's *string nil: the flag is
                    // written with an empty value, not removed (gopkg.in/yaml.v2 decode.go, prepare).
                    boolean emptyNotNil = args[1] == String.class && e.value() instanceof YScalar s
                            && s.isNull() && !s.removes();
                    out.put(e.key().text(), emptyNotNil ? "" : bindValue(e.value(), args[1]));
                }
                return out;
            }
        }
        return null;
    }

    /** A record's components and canonical constructor, looked up once per class: reflection is slow. */
    private record Shape(String[] names, Type[] types, Method[] accessors, Constructor<?> constructor) {}

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Type[] types = new Type[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getGenericType();
                raw[i] = components[i].getType();
                accessors[i] = components[i].getAccessor();
            }
            try {
                return new Shape(names, types, accessors, type.getDeclaredConstructor(raw));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("cannot bind " + type.getName(), e);
            }
        }
    };

    /** The values of a record's components, in declaration order. */
    public static Object[] componentValues(Record record) {
        Method[] accessors = SHAPES.get(record.getClass()).accessors();
        Object[] values = new Object[accessors.length];
        try {
            for (int i = 0; i < accessors.length; i++) {
                values[i] = accessors[i].invoke(record);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + record.getClass().getName(), e);
        }
        return values;
    }

    private static Object bindRecord(YMap map, Class<?> type) {
        Shape shape = SHAPES.get(type);
        Object[] values = new Object[shape.names().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = bindValue(map.get(shape.names()[i]), shape.types()[i]);
        }
        try {
            return shape.constructor().newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot bind " + type.getName(), e);
        }
    }
}
