package dev.restauth.endpoint;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.serializer.DefaultUserDetailsSerializer;
import dev.restauth.serializer.SerializerContext;
import dev.restauth.user.User;

/**
 * A user's own {@code USER_DETAILS_SERIALIZER}, as a project would write one: the default fields plus a read-only
 * {@code is_staff}, described in its {@link #schema()}. Registered in {@link CustomSerializerTest} through the {@code serializers_file} setting.
 */
public class StaffFlagUserDetailsSerializer extends DefaultUserDetailsSerializer {
    public StaffFlagUserDetailsSerializer(SerializerContext context) {
        super(context);
    }

    @Override
    public JsonObject render(User user) {
        JsonObject body = super.render(user);
        body.addProperty("is_staff", user.staff());
        return body;
    }

    /** The default's schema with the field it adds, so the OpenAPI document shows it. */
    @Override
    public JsonObject schema() {
        JsonObject schema = super.schema();
        schema.getAsJsonObject("properties").add("is_staff", Schema.bool());
        schema.getAsJsonArray("required").add("is_staff");
        return schema;
    }
}
