package org.ipaserver.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.ipaserver.store.JsonFactory;

/**
 * Reads JSON request bodies strictly: the runtime's own JSON-P and JSON-B readers take the first
 * value and ignore anything after it. As a reader interceptor it sees every body bound to a JSON-P
 * type or a {@link JsonBody} record, whichever reader the runtime would have picked (Payara's
 * Jersey keeps its own ahead of an application's). An empty body is JSON null, which each endpoint
 * treats as it documents; a record is bound from it as from {}.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class StrictJsonBodies implements MessageBodyReader<Object>, ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws java.io.IOException {
        if (!ours(context.getType())) {
            return context.proceed();
        }
        return read(context.getInputStream(), context.getType());
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ours(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws java.io.IOException {
        return read(entity, type);
    }

    private static boolean ours(Class<?> type) {
        return JsonValue.class.isAssignableFrom(type) || JsonBody.class.isAssignableFrom(type);
    }

    @SuppressWarnings("unchecked")
    private static Object read(InputStream entity, Class<?> type) throws java.io.IOException {
        var text = new String(entity.readAllBytes(), StandardCharsets.UTF_8);
        if (JsonBody.class.isAssignableFrom(type)) {
            return BodyBinder.bind(read(text, JsonValue.class), (Class<? extends JsonBody>) type);
        }
        return read(text, type);
    }

    /** JSON-P's parsing exceptions go on to {@link ErrorMappers} (400, "malformed request: ..."), as the runtime's do. */
    static JsonValue read(String text, Class<?> type) {
        if (text.isBlank()) {
            return JsonValue.NULL;
        }
        var value = JsonFactory.readValue(text);
        if (!type.isInstance(value)) {
            throw new ErrorMappers.BadRequest("the body must be a JSON " + (JsonObject.class.isAssignableFrom(type)
                    ? "object" : "array"));
        }
        return value;
    }
}
