import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useLayoutEffect } from "react";

export { arrayMove } from "@dnd-kit/sortable";

/*
 * Drag and drop for the Leads table (lead-list.tsx), with dnd-kit. The table loads this module with
 * import() on the first sign that someone is about to drag (a handle hovered, focused or pressed),
 * not with the page: dnd-kit is most of the list's JavaScript (e2e/js-weight.spec.ts).
 *
 * The table is already on screen when it arrives, with people's ticks, open forms and focus in it,
 * so this layer renders no rows of its own: one useSortable per row, beside the table, each handing
 * its row what to attach (refs, handle listeners and attributes, the row's transform) through
 * `report`. dnd-kit works on the nodes it is given refs to, wherever React renders them.
 */

/** What a row of the table attaches to itself for dnd-kit: its node, its handle, and where it is drawn. */
export type RowDrag = Pick<ReturnType<typeof useSortable>, "attributes" | "listeners" | "setNodeRef" | "setActivatorNodeRef" | "isDragging"> & {
  transform: string | undefined;
  transition: string | undefined;
};

// The sensors' options, made once: new ones on a render would give every row new listeners, and
// each row's report a new render.
const POINTER = { activationConstraint: { distance: 6 } };
const KEYBOARD = { coordinateGetter: sortableKeyboardCoordinates };

export function DragLayer({
  ids,
  announcements,
  instructions,
  onDragEnd,
  report,
}: {
  /** The rows' ids, in the table's order. */
  ids: readonly string[];
  announcements: Announcements;
  instructions: string;
  onDragEnd: (event: DragEndEvent) => void;
  /** Called with each row's RowDrag as it changes, and with null when the row goes. */
  report: (id: string, drag: RowDrag | null) => void;
}) {
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(KeyboardSensor, KEYBOARD));
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: instructions } }}
    >
      <SortableContext items={[...ids]} strategy={verticalListSortingStrategy}>
        {ids.map((id) => (
          <SortableRow key={id} id={id} report={report} />
        ))}
      </SortableContext>
    </DndContext>
  );
}

function SortableRow({ id, report }: { id: string; report: (id: string, drag: RowDrag | null) => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const translate = CSS.Translate.toString(transform) ?? undefined;
  const moving = transition ?? undefined;
  // dnd-kit keeps attributes, listeners and the ref setters the same object between renders, so
  // the row hears of a change only when there is one (a drag, an order).
  useLayoutEffect(() => {
    report(id, { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging, transform: translate, transition: moving });
  }, [id, report, attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging, translate, moving]);
  useLayoutEffect(() => () => report(id, null), [id, report]);
  return null;
}
