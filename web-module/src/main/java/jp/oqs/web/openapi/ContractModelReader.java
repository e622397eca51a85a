package jp.oqs.web.openapi;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import jp.oqs.api.ApiVersion;
import jp.oqs.api.Description;
import jp.oqs.api.audit.AccessHistoryApi;
import jp.oqs.api.audit.AuditApi;
import jp.oqs.api.eligibility.BulkReception;
import jp.oqs.api.eligibility.EligibilityApi;
import jp.oqs.api.error.ErrorBody;
import jp.oqs.api.error.Errors;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.InsurerView;
import jp.oqs.api.insurer.NumberingRuleView;
import jp.oqs.api.security.CallerApi;
import jp.oqs.api.sync.CertificateView;
import jp.oqs.api.sync.SyncApi;
import jp.oqs.web.audit.AccessHistoryResource;
import jp.oqs.web.audit.AuditResource;
import jp.oqs.web.eligibility.EligibilityResource;
import jp.oqs.web.insurer.InsurerAdminResource;
import jp.oqs.web.rest.BodyLimit;
import jp.oqs.web.security.CallerResource;
import jp.oqs.web.sync.SyncResource;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Builds the OpenAPI document from the contract itself: every interface method becomes an operation with its
 * parameters, body, answer, roles and body limit (from the resource class) and error codes ({@link Errors}); every
 * record becomes a schema; parameters and fields carry the bounds they declare with Bean Validation. Payara's scanner is off ({@code mp.openapi.scan.disable}): in 6.2025.9 it fails on constrained
 * records (FISH-12153).
 */
public class ContractModelReader implements OASModelReader {

    private static final Map<Class<?>, Class<?>> CONTRACT = new LinkedHashMap<>();

    static {
        CONTRACT.put(InsurerAdminApi.class, InsurerAdminResource.class);
        CONTRACT.put(SyncApi.class, SyncResource.class);
        CONTRACT.put(EligibilityApi.class, EligibilityResource.class);
        CONTRACT.put(AuditApi.class, AuditResource.class);
        CONTRACT.put(AccessHistoryApi.class, AccessHistoryResource.class);
        CONTRACT.put(jp.oqs.api.eligibility.CardSessionApi.class, jp.oqs.web.eligibility.CardSessionResource.class);
        CONTRACT.put(jp.oqs.api.person.CardRegistrationApi.class, jp.oqs.web.person.CardRegistrationResource.class);
        CONTRACT.put(jp.oqs.api.person.ConsentApi.class, jp.oqs.web.person.ConsentResource.class);
        CONTRACT.put(CallerApi.class, CallerResource.class);
        CONTRACT.put(jp.oqs.api.health.CheckupSyncApi.class, jp.oqs.web.healthdata.CheckupSyncResource.class);
        CONTRACT.put(jp.oqs.api.health.MedicationSyncApi.class, jp.oqs.web.healthdata.MedicationSyncResource.class);
        CONTRACT.put(jp.oqs.api.health.PersonHealthApi.class, jp.oqs.web.healthdata.PersonHealthResource.class);
        CONTRACT.put(jp.oqs.api.health.ClinicCheckupsApi.class, jp.oqs.web.healthdata.ClinicCheckupsResource.class);
        CONTRACT.put(jp.oqs.api.health.ClinicMedicationsApi.class,
                jp.oqs.web.healthdata.ClinicMedicationsResource.class);
        CONTRACT.put(jp.oqs.api.claims.ClaimsApi.class, jp.oqs.web.claims.ClaimsResource.class);
    }

    /** What operations answer with a {@link Response} put in it. */
    private static final Map<String, Class<?>> RESPONSE_BODIES = Map.of(
            "onboard", InsurerView.class, "addNumberingRule", NumberingRuleView.class,
            "submitBulk", BulkReception.class, "enrol", CertificateView.class,
            "submitClaims", jp.oqs.api.claims.ClaimJobReception.class);

    private final Components components = OASFactory.createComponents();

    @Override
    public OpenAPI buildModel() {
        components.addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("MicroProfile JWT (RS256) from the trusted issuer; the role is in the groups claim"));
        schema(ErrorBody.class);
        Paths paths = OASFactory.createPaths();
        CONTRACT.forEach((api, resource) -> {
            String base = "/" + ApiVersion.V1 + "/" + api.getAnnotation(Path.class).value();
            Arrays.stream(api.getMethods()).sorted(Comparator.comparing(Method::getName)).forEach(method -> {
                Path sub = method.getAnnotation(Path.class);
                String path = sub == null ? base : base + "/" + sub.value();
                PathItem item = paths.getPathItem(path);
                if (item == null) {
                    item = OASFactory.createPathItem();
                    paths.addPathItem(path, item);
                }
                Operation operation = operation(api, resource, method);
                if (method.isAnnotationPresent(GET.class)) {
                    item.GET(operation);
                } else if (method.isAnnotationPresent(POST.class)) {
                    item.POST(operation);
                } else if (method.isAnnotationPresent(PUT.class)) {
                    item.PUT(operation);
                } else if (method.isAnnotationPresent(DELETE.class)) {
                    item.DELETE(operation);
                }
            });
        });
        return OASFactory.createOpenAPI()
                .openapi("3.0.3")
                .info(OASFactory.createInfo().title("Online qualification service (オンライン資格確認)")
                        .version("v1")
                        .description("Errors are {code, message, hint}: message for staff (Japanese), hint for the "
                                + "vendor (English). Each operation lists its error codes; every operation may also "
                                + "answer UNAUTHENTICATED (401, with WWW-Authenticate: Bearer), FORBIDDEN_ROLE (403), "
                                + "INVALID_REQUEST (400: a field or parameter breaks its declared form; values are "
                                + "refused, never shortened), MALFORMED_JSON (400: not one UTF-8 JSON object of the "
                                + "request's shape; unknown or repeated fields are refused, integers are JSON numbers, "
                                + "dates YYYY-MM-DD), BODY_TOO_LARGE (413: a body above the operation's limit, read "
                                + "before it is parsed) and INTERNAL_ERROR (500). Answers carry Cache-Control: "
                                + "no-store and X-Content-Type-Options: nosniff."))
                .addServer(OASFactory.createServer().url("/oqs"))
                .paths(paths)
                .components(components);
    }

    /** The body limit the resource method declares, if it reads a body. */
    private static BodyLimit.Kind bodyLimitOf(Class<?> resource, Method method) {
        try {
            BodyLimit limit = resource.getMethod(method.getName(), method.getParameterTypes())
                    .getAnnotation(BodyLimit.class);
            return limit == null ? null : limit.value();
        } catch (NoSuchMethodException notImplementedThere) {
            return null;
        }
    }

    /** The schema with the bounds its element declares with Bean Validation. */
    private static Schema constrained(Schema schema, AnnotatedElement element) {
        Size size = element.getAnnotation(Size.class);
        if (size != null) {
            if (size.min() > 0) {
                schema.minLength(size.min());
            }
            schema.maxLength(size.max());
        }
        Pattern pattern = element.getAnnotation(Pattern.class);
        if (pattern != null) {
            schema.pattern(pattern.regexp());
        }
        Min min = element.getAnnotation(Min.class);
        if (min != null) {
            schema.minimum(BigDecimal.valueOf(min.value()));
        }
        Max max = element.getAnnotation(Max.class);
        if (max != null) {
            schema.maximum(BigDecimal.valueOf(max.value()));
        }
        return schema;
    }

    /** The schema with the meaning its field declares ({@link Description}), before an enum's code list. */
    private static Schema described(Schema schema, AnnotatedElement element) {
        Description description = element.getAnnotation(Description.class);
        if (description == null) {
            return schema;
        }
        return schema.description(schema.getDescription() == null ? description.value()
                : description.value() + " (" + schema.getDescription() + ")");
    }

    private static boolean required(AnnotatedElement element) {
        return element.isAnnotationPresent(NotNull.class) || element.isAnnotationPresent(NotBlank.class)
                || element.isAnnotationPresent(NotEmpty.class);
    }

    /** The roles the role check applies: the resource method's, else the resource class's. */
    private static RolesAllowed rolesOf(Class<?> resource, Method method) {
        try {
            RolesAllowed onMethod = resource.getMethod(method.getName(), method.getParameterTypes())
                    .getAnnotation(RolesAllowed.class);
            if (onMethod != null) {
                return onMethod;
            }
        } catch (NoSuchMethodException notImplementedThere) {
            // the class's roles
        }
        return resource.getAnnotation(RolesAllowed.class);
    }

    private Operation operation(Class<?> api, Class<?> resource, Method method) {
        Operation operation = OASFactory.createOperation()
                .operationId(method.getName())
                .addTag(api.getSimpleName().replace("Api", ""));
        StringBuilder description = new StringBuilder();
        if (resource.isAnnotationPresent(PermitAll.class)) {
            description.append("No bearer token: see the request's description. ");
        } else {
            RolesAllowed roles = rolesOf(resource, method);
            description.append("Roles: ").append(String.join(", ", roles.value())).append(". ");
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        }
        Errors errors = method.getAnnotation(Errors.class);
        String codes = errors == null || errors.value().length == 0 ? "none besides the common ones"
                : String.join(", ", errors.value());
        description.append("Error codes: ").append(codes).append('.');
        BodyLimit.Kind limit = bodyLimitOf(resource, method);
        if (limit != null) {
            description.append(" Body at most ").append(limit.defaultBytes()).append(" bytes by default (setting ")
                    .append(limit.property()).append("; above it 413 ").append(limit.code()).append(").");
        }
        if (method.isAnnotationPresent(Deprecated.class)) {
            // the contract's @Deprecated says why in its Javadoc; the document says what to use instead
            operation.deprecated(true);
            description.append(" Deprecated: a bare certificate can be replayed; use eligibility/card-sessions"
                    + " (refused without a confirmed session when oqs.certificates.require-session=true).");
        }
        operation.description(description.toString());
        for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            PathParam pathParam = parameter.getAnnotation(PathParam.class);
            QueryParam queryParam = parameter.getAnnotation(QueryParam.class);
            if (pathParam != null || queryParam != null) {
                DefaultValue defaultValue = parameter.getAnnotation(DefaultValue.class);
                Schema schema = constrained(schemaOf(parameter.getParameterizedType()), parameter);
                if (defaultValue != null) {
                    schema.defaultValue(defaultValue.value());
                }
                operation.addParameter(OASFactory.createParameter()
                        .name(pathParam != null ? pathParam.value() : queryParam.value())
                        .in(pathParam != null ? Parameter.In.PATH : Parameter.In.QUERY)
                        .required(pathParam != null)
                        .schema(schema));
            } else {
                operation.requestBody(OASFactory.createRequestBody().required(true)
                        .content(json(schemaOf(parameter.getParameterizedType()))));
            }
        }
        APIResponses responses = OASFactory.createAPIResponses();
        Class<?> returned = RESPONSE_BODIES.get(method.getName());
        String status = switch (method.getName()) {
            case "onboard", "addNumberingRule", "enrol" -> "201";
            case "submitBulk", "submitClaims" -> "202";
            default -> "200";
        };
        Type answer = method.getReturnType() == Response.class ? returned : method.getGenericReturnType();
        jakarta.ws.rs.Produces produces = method.getAnnotation(jakarta.ws.rs.Produces.class);
        // an answer that is not JSON: the printable page (HTML) or the 資格確認結果連絡書 (CSV)
        String text = produces == null ? null : Arrays.stream(produces.value())
                .filter(type -> type.startsWith(MediaType.TEXT_HTML) || type.startsWith("text/csv"))
                .findFirst().orElse(null);
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description("the answer")
                .content(text != null ? OASFactory.createContent().addMediaType(text,
                        OASFactory.createMediaType().schema(schemaOf(answer))) : json(schemaOf(answer))));
        Schema error = OASFactory.createSchema().ref("ErrorBody");
        responses.addAPIResponse("4XX", OASFactory.createAPIResponse()
                .description("refused: " + codes).content(json(error)));
        responses.addAPIResponse("5XX", OASFactory.createAPIResponse()
                .description("INTERNAL_ERROR, SERVICE_UNAVAILABLE").content(json(error)));
        return operation.responses(responses);
    }

    private static Content json(Schema schema) {
        return OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(schema));
    }

    private static Field field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException("a record has a field per component", impossible);
        }
    }

    private Schema schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                    .items(schemaOf(parameterized.getActualTypeArguments()[0]));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (raw == LocalDate.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date");
        }
        if (raw == Instant.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
        }
        if (raw == UUID.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uuid");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        }
        if (raw.isEnum()) {
            Schema schema = OASFactory.createSchema().type(Schema.SchemaType.STRING);
            Arrays.stream(raw.getEnumConstants()).forEach(constant -> schema.addEnumeration(constant.toString()));
            String codes = codes(raw);
            return codes == null ? schema : schema.description("the real interface's codes: " + codes);
        }
        if (raw.isRecord()) {
            schema(raw);
            return OASFactory.createSchema().ref(raw.getSimpleName());
        }
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }

    /**
     * For an enum of the real interface's code list (it has {@code code()}): each name with its code, e.g.
     * {@code GENERAL=01}; else {@code null}.
     */
    private static String codes(Class<?> enumType) {
        try {
            Method code = enumType.getMethod("code");
            StringBuilder codes = new StringBuilder();
            for (Object constant : enumType.getEnumConstants()) {
                codes.append(codes.isEmpty() ? "" : ", ").append(constant).append('=').append(code.invoke(constant));
                if (constant instanceof jp.oqs.api.health.CheckupItem item) {
                    codes.append(" (").append(item.label()).append(item.unit() == null ? ", coded "
                            + item.answers().labels() : ", " + item.unit()).append(')');
                }
            }
            return codes.toString();
        } catch (NoSuchMethodException notACodeList) {
            return null;
        } catch (ReflectiveOperationException unexpected) {
            throw new IllegalStateException("code() of " + enumType.getName(), unexpected);
        }
    }

    private void schema(Class<?> record) {
        if (components.getSchemas() != null && components.getSchemas().containsKey(record.getSimpleName())) {
            return;
        }
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        components.addSchema(record.getSimpleName(), schema);
        for (RecordComponent component : record.getRecordComponents()) {
            // a component's constraints are on its field (they do not target record components)
            Field field = field(record, component);
            schema.addProperty(component.getName(), described(constrained(schemaOf(component.getGenericType()),
                    field), field));
            if (required(field)) {
                schema.addRequired(component.getName());
            }
        }
    }
}
