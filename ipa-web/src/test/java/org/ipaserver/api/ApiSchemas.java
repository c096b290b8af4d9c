package org.ipaserver.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ipaserver.admin.ServerParameters;
import org.ipaserver.cluster.InstanceView;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.flow.FlowSearch;
import org.ipaserver.flow.FlowStatus;
import org.ipaserver.flow.FlowSummary;
import org.ipaserver.flow.FlowView;
import org.ipaserver.routing.PresenceView;
import org.ipaserver.routing.WorkgroupView;
import org.ipaserver.report.ProcessReport;
import org.ipaserver.report.VariableValues;
import org.ipaserver.report.WorkReport;
import org.ipaserver.workitem.WorkItemView;
import org.ipaserver.workitem.WorkgroupSupervision;

/**
 * The schemas of the API's bodies, made from the records themselves. Payara scans only the web
 * module of an EAR: it sees neither the views of the EJB module nor what {@link Instant} looks like
 * in JSON, and it reads no {@code mp.openapi.model.reader} of a web module inside an EAR. So they
 * are written to the static part of the document, {@code META-INF/openapi.json}, which
 * {@link ApiSchemasTest} keeps equal to what this makes; the operations refer to them by name.
 */
final class ApiSchemas {

    /** The bodies the API sends and takes; the records they hold are added as they are met. */
    static final List<Class<? extends Record>> ROOTS = List.of(
            ApiProblem.class, FlowView.class, FlowSummary.class, FlowSearch.Page.class, WorkItemView.class,
            WorkgroupView.class,
            PresenceView.class, DefinitionCatalog.Summary.class, DefinitionCatalog.Published.class,
            DefinitionsResource.Definition.class, DefinitionsResource.Validation.class,
            WorkgroupsResource.Routing.class, UsersResource.LicenceGrant.class, RightsResource.GrantView.class,
            FlowsResource.LaunchRequest.class, FlowsResource.InteractionRequest.class, FlowsResource.SkipRequest.class,
            WorkItemsResource.VersionRequest.class, WorkItemsResource.TransferRequest.class,
            WorkItemsResource.DraftRequest.class, WorkItemsResource.CompleteRequest.class,
            WorkgroupsResource.WorkgroupChange.class, UsersResource.PresenceChange.class,
            UsersResource.LicenceChange.class, RightsResource.GrantRequest.class, WorkgroupSupervision.class,
            InstanceView.class, ProcessReport.class, WorkReport.class, VariableValues.class,
            org.ipaserver.admission.InstanceLoad.class);

    /** The lists the API answers, each a schema named after its items: WorkItemViewList. */
    static final List<Class<? extends Record>> LISTED = List.of(
            WorkItemView.class, WorkgroupView.class, DefinitionCatalog.Summary.class, RightsResource.GrantView.class,
            WorkgroupSupervision.class, InstanceView.class);

    private ApiSchemas() {
    }

    /**
     * The static part of the OpenAPI document: the schemas, sorted by name, each with its example
     * where src/main/openapi/schema-examples.json has one, and the problem responses of
     * src/main/openapi/responses.json. Examples live there, as JSON: in annotations Payara keeps an
     * example as a string, and loses the reference of one given by name. The bodies that are no
     * records (a definition document, skills) are described in src/main/openapi/documents.json;
     * the server parameters by their defaults.
     */
    static JsonObject document() {
        var schemas = new TreeMap<String, JsonObject>();
        ROOTS.forEach(root -> add(root, schemas));
        LISTED.forEach(item -> schemas.put(name(item) + "List", Json.createObjectBuilder().add("type", "array")
                .add("items", of(item, schemas)).build()));
        schemas.put("ServerParameters", serverParameters());
        queryParameters(schemas);
        read("documents.json").forEach((name, schema) -> {
            if (schemas.put(name, schema.asJsonObject()) != null) {
                throw new IllegalStateException("documents.json describes " + name + ", which a record does");
            }
        });
        var examples = read("schema-examples.json");
        var named = Json.createObjectBuilder();
        schemas.forEach((name, schema) -> named.add(name, examples.containsKey(name)
                ? Json.createObjectBuilder(schema).add("example", examples.get(name)).build() : schema));
        var responses = read("responses.json").getJsonObject("components").getJsonObject("responses");
        return Json.createObjectBuilder()
                .add("openapi", "3.0.3")
                .add("info", Json.createObjectBuilder().add("title", "IPA Server API").add("version", "1"))
                .add("paths", JsonObject.EMPTY_JSON_OBJECT)
                .add("components", Json.createObjectBuilder().add("schemas", named).add("responses", responses))
                .build();
    }

    /**
     * The parameters under their original names (one has spaces), typed and exemplified by their
     * defaults, so that a new parameter is documented when it is added.
     */
    private static JsonObject serverParameters() {
        var properties = Json.createObjectBuilder();
        var example = Json.createObjectBuilder();
        ServerParameters.defaults().asMap().forEach((name, value) -> {
            properties.add(name, of(value.getClass(), new TreeMap<>()));
            if (value instanceof Boolean b) {
                example.add(name, b);
            } else if (value instanceof Integer i) {
                example.add(name, i);
            } else if (value instanceof Long l) {
                example.add(name, l);
            } else {
                throw new IllegalStateException(name + " is a " + value.getClass() + ": say how it is shown");
            }
        });
        return Json.createObjectBuilder().add("type", "object")
                .add("description", "The server parameters in force, under the names of the original product; "
                        + "PAS_HandlerResponseTimeout in seconds")
                .add("properties", properties).add("example", example).build();
    }

    /**
     * The values of the flow search's query parameters, which the resource takes as text, and of
     * the launch's Prefer header.
     */
    private static void queryParameters(Map<String, JsonObject> schemas) {
        var statuses = Json.createArrayBuilder();
        Arrays.stream(FlowStatus.values()).forEach(status -> statuses.add(status.code()));
        schemas.put("FlowStatus", Json.createObjectBuilder().add("type", "string").add("enum", statuses)
                .add("example", FlowStatus.WAITING.code()).build());
        schemas.put("Instant", Json.createObjectBuilder().add("type", "string").add("format", "date-time")
                .add("description", "an ISO-8601 instant").add("example", "2026-01-31T09:30:00Z").build());
        schemas.put("Day", Json.createObjectBuilder().add("type", "string").add("format", "date")
                .add("description", "an ISO-8601 date (UTC day)").add("example", "2026-01-31").build());
        schemas.put("ReportPageSize", Json.createObjectBuilder().add("type", "integer").add("format", "int32")
                .add("minimum", 1).add("maximum", org.ipaserver.report.Reports.MAX_PAGE).add("default", 100)
                .add("example", 100).build());
        schemas.put("PageNumber", Json.createObjectBuilder().add("type", "integer").add("format", "int32")
                .add("minimum", 0).add("default", 0).add("example", 0).build());
        schemas.put("ReturnPreference", Json.createObjectBuilder().add("type", "string")
                .add("enum", Json.createArrayBuilder().add("return=minimal").add("return=representation"))
                .add("description", "an RFC 7240 return preference").add("example", "return=representation").build());
        schemas.put("PageSize", Json.createObjectBuilder().add("type", "integer").add("format", "int32")
                .add("minimum", 1).add("maximum", FlowSearch.MAX_PAGE_SIZE).add("default", 50).add("example", 50)
                .build());
    }

    private static JsonObject read(String file) {
        try (var reader = Json.createReader(java.nio.file.Files.newBufferedReader(
                java.nio.file.Path.of("src/main/openapi", file)))) {
            return reader.readObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A schema's name: the record's own, prefixed by the type it is nested in unless that is a
     * resource ({@code FlowState.Step} is FlowStateStep, {@code FlowsResource.LaunchRequest} LaunchRequest).
     */
    static String name(Class<?> record) {
        var outer = record.getEnclosingClass();
        return outer == null || outer.getSimpleName().endsWith("Resource") ? record.getSimpleName()
                : outer.getSimpleName() + record.getSimpleName();
    }

    /** The record's schema, and those of the records it holds. */
    private static void add(Class<?> record, Map<String, JsonObject> schemas) {
        if (schemas.containsKey(name(record))) {
            return;
        }
        schemas.put(name(record), JsonObject.EMPTY_JSON_OBJECT); // a placeholder while its components are met
        var properties = Json.createObjectBuilder();
        for (var component : record.getRecordComponents()) {
            properties.add(component.getName(), of(component.getGenericType(), schemas));
        }
        schemas.put(name(record), Json.createObjectBuilder().add("type", "object").add("properties", properties).build());
    }

    private static JsonObjectBuilder of(Type type, Map<String, JsonObject> schemas) {
        var raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        var schema = Json.createObjectBuilder();
        if (raw == String.class) {
            return schema.add("type", "string");
        } else if (raw == Instant.class) {
            return schema.add("type", "string").add("format", "date-time");
        } else if (raw == java.time.LocalDate.class) {
            return schema.add("type", "string").add("format", "date");
        } else if (raw == boolean.class || raw == Boolean.class) {
            return schema.add("type", "boolean");
        } else if (raw == int.class || raw == Integer.class) {
            return schema.add("type", "integer").add("format", "int32");
        } else if (raw == long.class || raw == Long.class) {
            return schema.add("type", "integer").add("format", "int64");
        } else if (raw.isEnum()) {
            var names = Json.createArrayBuilder();
            Arrays.stream(raw.getEnumConstants()).forEach(c -> names.add(((Enum<?>) c).name()));
            return schema.add("type", "string").add("enum", names);
        } else if (raw.isRecord()) {
            add(raw, schemas);
            return schema.add("$ref", "#/components/schemas/" + name(raw));
        } else if (Collection.class.isAssignableFrom(raw)) {
            return schema.add("type", "array").add("items", of(argument(type, 0), schemas));
        } else if (Map.class.isAssignableFrom(raw)) {
            return schema.add("type", "object").add("additionalProperties", of(argument(type, 1), schemas));
        }
        // Object, JsonValue: any JSON value (a variable's or a field's value, typed by the definition)
        return schema.add("description", "any JSON value, typed by the definition");
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }
}
