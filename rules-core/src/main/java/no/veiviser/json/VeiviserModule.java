package no.veiviser.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import no.veiviser.Decision;

/**
 * Jackson support: with this module registered, any Jackson {@code ObjectMapper} (Spring Boot's, Quarkus', JAX-RS
 * providers') writes a {@link Decision} exactly as {@link Decision#toJson()} does, the documented output contract
 * with its {@code "format"} version, instead of Jackson's own record serialization (which would write
 * {@code "due": null}, {@code "tools": []} and Java's {@code Optional}s).
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new VeiviserModule());
 * String json = mapper.writeValueAsString(decision);   // the same JSON as decision.toJson()
 * }</pre>
 *
 * <p>Spring Boot registers every {@code com.fasterxml.jackson.databind.Module} bean with its mapper: declare
 * {@code @Bean VeiviserModule veiviserModule()}. {@code ObjectMapper.findAndRegisterModules()} finds it too
 * (it is listed in {@code META-INF/services}). Writing only: reading a decision back is not supported.
 */
public final class VeiviserModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module, with the serializer for {@link Decision}. */
    public VeiviserModule() {
        super("VeiviserModule", Version.unknownVersion());
        addSerializer(Decision.class, new DecisionSerializer());
    }

    /**
     * Writes the tree of {@link Decision#toJson()}: one writer of the contract (the library's), and the mapper's own
     * settings (pretty printing, the generator) for the rest of the document.
     */
    static final class DecisionSerializer extends StdSerializer<Decision> {
        private static final long serialVersionUID = 1L;
        private static final ObjectMapper READER = new ObjectMapper();

        DecisionSerializer() {
            super(Decision.class);
        }

        @Override
        public void serialize(Decision decision, JsonGenerator gen, SerializerProvider provider) throws IOException {
            JsonNode tree = READER.readTree(decision.toJson());
            tree.serialize(gen, provider);
        }
    }
}
