package cn.certflow.grading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scheme's score sheet, loaded from {@code schemes/*.csv}.
 *
 * @param file sheet file name
 * @param totalPoints stated total points (100)
 * @param items items in sheet order
 */
public record ScoreSheet(String file, int totalPoints, List<SheetItem> items) {

	public ScoreSheet {
		items = List.copyOf(items);
	}

	public Optional<SheetItem> item(String id) {
		return this.items.stream().filter((item) -> item.id().equals(id)).findFirst();
	}

	/** Items by id, in sheet order. */
	public Map<String, SheetItem> itemsById() {
		Map<String, SheetItem> byId = new LinkedHashMap<>();
		this.items.forEach((item) -> byId.put(item.id(), item));
		return byId;
	}

}
