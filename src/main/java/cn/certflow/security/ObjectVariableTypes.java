package cn.certflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Issue 15, point 7: an object variable names the Java class it is read into, and whoever
 * may set a variable (Camunda's REST API, Tasklist, Cockpit) chose that name freely: with
 * {@code deserializationTypeValidationEnabled=false} the engine read any class the JVM
 * could load. CertFlow's own variables are strings, numbers, booleans and dates;
 * Tasklist's checklists arrive as Spin JSON values (no Java class); Java callers (our
 * code, tests) pass lists and maps of those. So only these types ({@link #ALLOWED}),
 * JSON-serialized, are accepted:
 * <ul>
 * <li>when a serialized object value is set (the only form a client can send), before the
 * engine stores it: any other class, another serialization format (Java serialization
 * included) or no type name is refused with {@link InvalidRequestException} 400 naming
 * the type, in every REST endpoint that sets variables (an engine exception would be 500
 * in most of them); nothing is stored;</li>
 * <li>when a stored value is read: the engine's deserialization type validation is on,
 * with the same list (no package wildcard, not even {@code java.lang}).</li>
 * </ul>
 */
@Component
class ObjectVariableTypes extends AbstractProcessEnginePlugin {

	/**
	 * The Java types of object variables: JSON-mapped value types and the JDK collections
	 * holding them.
	 */
	static final Set<String> ALLOWED = Set.of("java.lang.Object", "java.lang.String", "java.lang.Boolean",
			"java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Double", "java.lang.Float",
			"java.util.List", "java.util.Collection", "java.util.ArrayList", "java.util.LinkedList",
			"java.util.Arrays$ArrayList", "java.util.ImmutableCollections$List12",
			"java.util.ImmutableCollections$ListN", "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet",
			"java.util.TreeSet", "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$SetN",
			"java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
			"java.util.ImmutableCollections$Map1", "java.util.ImmutableCollections$MapN");

	static final DeserializationTypeValidator VALIDATOR = ALLOWED::contains;

	@Override
	@SuppressWarnings("rawtypes")
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setDeserializationTypeValidationEnabled(true);
		configuration.setDeserializationTypeValidator(VALIDATOR);
		List<TypedValueSerializer> serializers = new ArrayList<>();
		if (configuration.getCustomPreVariableSerializers() != null) {
			serializers.addAll(configuration.getCustomPreVariableSerializers());
		}
		serializers.add(0, new Guard());
		configuration.setCustomPreVariableSerializers(serializers);
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		if (!configuration.isDeserializationTypeValidationEnabled()
				|| configuration.getDeserializationTypeValidator() != VALIDATOR) {
			throw new IllegalStateException("issue 15: object variables must be validated against CertFlow's types");
		}
	}

	/**
	 * The classes an object type name refers to, e.g.
	 * {@code java.util.ArrayList<java.lang.String>}: both.
	 */
	static Set<String> classesOf(String typeName) {
		Set<String> classes = new TreeSet<>();
		for (String token : typeName.split("[<>,\\s]+")) {
			if (!token.isEmpty()) {
				classes.add(token);
			}
		}
		return classes;
	}

	/**
	 * Why a serialized object value is refused, or null when its type and format are
	 * ours.
	 */
	static String refusal(String typeName, String format) {
		if (!SerializationDataFormats.JSON.getName().equals(format)) {
			return "object variables are JSON (" + SerializationDataFormats.JSON.getName() + "), not '" + format
					+ "' (objectTypeName '" + typeName + "')";
		}
		if (typeName == null || typeName.isBlank()) {
			return "an object variable needs an objectTypeName";
		}
		Set<String> refused = new TreeSet<>(classesOf(typeName));
		refused.removeAll(ALLOWED);
		if (!refused.isEmpty() || classesOf(typeName).isEmpty()) {
			return "objectTypeName '" + typeName + "' names a type CertFlow does not use " + refused
					+ "; object variables hold strings, numbers, booleans and lists or maps of them";
		}
		return null;
	}

	/**
	 * Looks at every object value as the engine chooses a serializer for it, and is never
	 * chosen itself. A value in serialized form (what Camunda's REST API creates from a
	 * request) with another type or format is refused before anything is stored.
	 */
	static final class Guard implements TypedValueSerializer<ObjectValue> {

		@Override
		public String getName() {
			return "certflow-object-type-guard";
		}

		@Override
		public ValueType getType() {
			return ValueType.OBJECT;
		}

		@Override
		public boolean canHandle(TypedValue value) {
			if (value instanceof ObjectValue object && !object.isDeserialized()) {
				String format = object.getSerializationDataFormat();
				if (format == null && Context.getProcessEngineConfiguration() != null) {
					format = Context.getProcessEngineConfiguration().getDefaultSerializationFormat();
				}
				String refusal = refusal(object.getObjectTypeName(), format);
				if (refusal != null) {
					throw new InvalidRequestException(Response.Status.BAD_REQUEST, "issue 15: " + refusal);
				}
			}
			return false;
		}

		@Override
		public void writeValue(ObjectValue value, ValueFields valueFields) {
			throw new UnsupportedOperationException(getName() + " stores nothing");
		}

		@Override
		public ObjectValue readValue(ValueFields valueFields, boolean deserializeValue, boolean asTransientValue) {
			throw new UnsupportedOperationException(getName() + " reads nothing");
		}

		@Override
		public ObjectValue convertToTypedValue(UntypedValueImpl untypedValue) {
			throw new UnsupportedOperationException(getName() + " converts nothing");
		}

		@Override
		public String getSerializationDataformat() {
			return null;
		}

		@Override
		public boolean isMutableValue(ObjectValue typedValue) {
			return false;
		}

	}

}
