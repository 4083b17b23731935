package dev.restauth.endpoint;

import com.google.gson.JsonObject;

import dev.restauth.serializer.DefaultUserDetailsSerializer;
import dev.restauth.serializer.SerializerContext;
import dev.restauth.user.User;

/**
 * A user's own {@code USER_DETAILS_SERIALIZER}, as a project would write one: the default fields plus a read-only
 * {@code is_staff}. Registered in {@link CustomSerializerTest} through the {@code serializers_file} setting.
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
}
