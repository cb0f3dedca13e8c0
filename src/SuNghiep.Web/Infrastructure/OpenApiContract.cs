using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SuNghiep.Web.Infrastructure;

/// <summary>
/// The parts of the OpenAPI document a generated client relies on and the framework does not write by itself: the bearer
/// scheme, a Vietnamese introduction, tags with descriptions, and a server URL without a trailing slash.
/// </summary>
internal sealed class OpenApiDocumentContract : IOpenApiDocumentTransformer
{
    public const string Scheme = "Bearer";

    public const string Introduction =
        "API của SuNghiep, hệ thống quản lý đơn vị sự nghiệp công lập: sổ đăng ký đơn vị, sắp xếp tổ chức lại, biên chế và tài chính, "
        + "chỉ số, văn bản và nhiệm vụ, tìm kiếm. Mỗi tài khoản chỉ đọc và ghi được dữ liệu trong phạm vi của mình.\n\n"
        + "Xác thực: lấy token bằng `POST /api/v1/auth/login` với `{\"email\": \"...\", \"password\": \"...\"}`; câu trả lời có `accessToken`. "
        + "Gửi token trong tiêu đề của mọi yêu cầu khác:\n\n"
        + "```\nAuthorization: Bearer <token>\n```\n\n"
        + "Lỗi được trả về theo RFC 9457 (`application/problem+json`): `title` và `detail` bằng tiếng Việt, lỗi từng trường trong `errors`.";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Account"] = "Đăng nhập, đổi mật khẩu và đăng xuất của tài khoản đang gọi.",
        ["Units"] = "Sổ đăng ký đơn vị sự nghiệp công lập: xem theo ngày, tìm không dấu, thêm và sửa (kèm ETag).",
        ["Reorganizations"] = "Sắp xếp, tổ chức lại đơn vị theo quyết định; hủy sự kiện nhập sai; nhập từ .xlsx.",
        ["Counts"] = "Số đơn vị đang hoạt động của một địa bàn hoặc cơ quan tại một ngày, và các sự kiện làm thay đổi.",
        ["Scenarios"] = "Kịch bản sắp xếp giả định: tác động lên chỉ số và chỉ tiêu, áp dụng thành sắp xếp thật.",
        ["Staffing and finance"] = "Biên chế, tài chính, phương án tự chủ của đơn vị và giao biên chế của cơ quan.",
        ["Search"] = "Một ô tìm kiếm: đơn vị, cơ quan, văn bản và nhiệm vụ trong phạm vi của tài khoản.",
        ["Indicators"] = "Các chỉ số tính từ sổ đăng ký, so với kỳ gốc, và các đơn vị, sự kiện tạo nên từng con số.",
        ["Plans"] = "Văn bản chỉ đạo, chỉ tiêu và nhiệm vụ; tiến độ; nhập bảng phân công từ .xlsx.",
        ["Attachments"] = "Tệp đính kèm văn bản và báo cáo tiến độ.",
        ["Reference"] = "Danh mục: cơ quan chủ quản, địa bàn hành chính, lĩnh vực, loại đơn vị, cấp, nhóm tự chủ.",
        ["Notifications"] = "Thông báo nhắc hạn nhiệm vụ của tài khoản đang gọi.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "SuNghiep API";
        document.Info.Description = Introduction;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Token nhận được từ POST /api/v1/auth/login, gửi trong tiêu đề Authorization: Bearer <token>.",
        };

        // "http://host/" and "http://host" are the same server; clients join paths to it, so no trailing slash.
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }

        // The raw JSON type of handlers that read their body field by field; each such body is described by its own type.
        // A view may still carry stored JSON as is (a dossier's planned event): there it is any JSON object.
        if (document.Components.Schemas is { } schemas && schemas.ContainsKey(nameof(System.Text.Json.JsonElement)))
        {
            schemas[nameof(System.Text.Json.JsonElement)] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Một đối tượng JSON, lưu nguyên dạng." };
        }

        var used = (document.Paths ?? new OpenApiPaths()).Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag
        {
            Name = name,
            Description = TagDescriptions.GetValueOrDefault(name, name),
        }));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Per operation: the bearer requirement where the endpoint needs a signed-in caller (and an explicit "none" where it does
/// not), the problem answers it can give, and the typed body of endpoints that read their JSON field by field.
/// </summary>
internal sealed class OpenApiOperationContract : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var rolePolicy = metadata.OfType<IAuthorizeData>().Any(a => a.Policy is { } p && p != WebApp.ApiPolicy || a.Roles is not null);
        var write = !HttpMethods.IsGet(description.HttpMethod ?? "GET");

        operation.Security =
        [
            secured
                ? new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiDocumentContract.Scheme, context.Document)] = [] }
                // An empty requirement: this operation is called without a token (signing in).
                : new OpenApiSecurityRequirement(),
        ];

        await TypeBodyAsync(operation, context, metadata, cancellationToken);

        operation.Responses ??= new OpenApiResponses();
        var hasInput = (operation.Parameters?.Count ?? 0) > 0 || operation.RequestBody is not null;
        if (hasInput)
        {
            Add(operation, context, "400", "Yêu cầu không hợp lệ: tham số hoặc nội dung sai; lỗi từng trường trong \"errors\".", validation: true);
        }

        if (secured || !hasInput)
        {
            Add(operation, context, "401", "Chưa xác thực: thiếu token, token sai hoặc đã hết hạn.");
        }
        else
        {
            Add(operation, context, "401", "Email hoặc mật khẩu không đúng, hoặc tài khoản bị khóa.");
        }

        if (secured && (rolePolicy || write))
        {
            Add(operation, context, "403", "Không có quyền: vai trò hoặc cấp của tài khoản không được làm thao tác này.");
        }

        if (description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            Add(operation, context, "404", "Không tìm thấy, hoặc nằm ngoài phạm vi của tài khoản.");
        }

        Add(operation, context, "429", "Quá nhiều yêu cầu trong một phút; thử lại sau số giây trong tiêu đề Retry-After.");

        // What the endpoint declared itself (409, 412, 428) gets the same schema and a Vietnamese description.
        foreach (var (code, response) in operation.Responses.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')))
        {
            if (response is OpenApiResponse concrete)
            {
                concrete.Description = code switch
                {
                    "409" => "Xung đột: dữ liệu vừa được người khác thay đổi hoặc trạng thái không cho phép; không có gì được ghi.",
                    "412" => "Dữ liệu đã thay đổi kể từ khi đọc (ETag trong If-Match không còn đúng); không có gì được ghi.",
                    "428" => "Thiếu tiêu đề If-Match với ETag đã đọc.",
                    _ => concrete.Description,
                };
            }
        }
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, string code, string text, bool validation = false)
    {
        if (operation.Responses!.ContainsKey(code))
        {
            return;
        }

        operation.Responses[code] = new OpenApiResponse
        {
            Description = text,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(validation ? "HttpValidationProblemDetails" : "ProblemDetails", context.Document) },
            },
        };
    }

    // Handlers that read a JsonElement (to name each bad field) or the form declare their body with .Accepts<T>: describe that
    // type, as a component of its own name. A body the framework already typed is left as it is.
    private static async Task TypeBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, IList<object> metadata, CancellationToken ct)
    {
        var described = metadata.OfType<DescribedBody>().LastOrDefault();
        var accepts = metadata.OfType<IAcceptsMetadata>().LastOrDefault(a => a.RequestType is not null);
        if ((described?.Type ?? accepts?.RequestType) is not { } type)
        {
            return;
        }

        var contentTypes = described is not null ? [described.ContentType] : accepts!.ContentTypes;

        var current = operation.RequestBody?.Content?.Values.FirstOrDefault()?.Schema;
        if (current is not null && !(current is OpenApiSchemaReference r && r.Reference.Id == nameof(System.Text.Json.JsonElement)))
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(type, null, ct);
        // Positional records make every field required; a field that may be null may also be left out.
        if (schema is OpenApiSchema concrete && concrete.Required is { } required && concrete.Properties is { } properties)
        {
            foreach (var (name, property) in properties)
            {
                if (property.Type is { } t && t.HasFlag(JsonSchemaType.Null))
                {
                    required.Remove(name);
                }
            }
        }

        context.Document!.AddComponent(type.Name, schema);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = contentTypes.ToDictionary(c => c, _ => new OpenApiMediaType { Schema = new OpenApiSchemaReference(type.Name, context.Document) }),
        };
    }
}

/// <summary>
/// The body an endpoint reads by hand (a JSON object field by field, or a multipart form), for the OpenAPI document only:
/// unlike .Accepts, it does not make routing refuse other content types, so the handler keeps its own Vietnamese answers.
/// </summary>
internal sealed record DescribedBody(Type Type, string ContentType);

internal static class DescribedBodyExtensions
{
    public static RouteHandlerBuilder DescribesBody<T>(this RouteHandlerBuilder builder, string contentType) =>
        builder.WithMetadata(new DescribedBody(typeof(T), contentType));
}
