package cn.certflow.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;

/**
 * Every text a form submits becomes a String process variable, which the engine keeps in
 * a 4000-character column (ACT_RU_VARIABLE.TEXT_), and PostgreSQL refuses a NUL character
 * anywhere. Unchecked, a longer text or a NUL fails the whole step with a database error
 * at commit (500, nothing naming the field). This engine plugin checks every String
 * variable as it is set, from Tasklist, Camunda's REST API or code alike: more than
 * {@value #MAX_LENGTH} characters or a NUL is refused as {@link InvalidInputException}
 * naming the variable (400). Exactly the column's limit, so nothing that could be stored
 * before is refused now. (Free text our records keep with a sentence around it is held to
 * {@link FormInput#MAX_TEXT} by the listeners.)
 */
@Component
class TextVariableLimit extends AbstractProcessEnginePlugin {

	/**
	 * ACT_RU_VARIABLE.TEXT_ (and TEXT2_) are varchar(4000) in every database Camunda
	 * supports.
	 */
	static final int MAX_LENGTH = 4000;

	@Override
	@SuppressWarnings("rawtypes")
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<TypedValueSerializer> serializers = new ArrayList<>();
		if (configuration.getCustomPreVariableSerializers() != null) {
			serializers.addAll(configuration.getCustomPreVariableSerializers());
		}
		// ahead of the engine's own string serializer (same name, so stored values read
		// back unchanged)
		serializers.add(0, new CheckedStringSerializer());
		configuration.setCustomPreVariableSerializers(serializers);
	}

	static class CheckedStringSerializer extends StringValueSerializer {

		@Override
		public void writeValue(StringValue value, ValueFields fields) {
			String text = value.getValue();
			if (text != null) {
				if (text.length() > MAX_LENGTH) {
					throw new InvalidInputException(fields.getName(),
							"at most " + MAX_LENGTH + " characters (" + text.length() + " given)");
				}
				if (text.indexOf('\u0000') >= 0) {
					throw new InvalidInputException(fields.getName(), "must not contain a NUL character");
				}
			}
			super.writeValue(value, fields);
		}

	}

}
