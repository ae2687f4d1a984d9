export * from "./dates";
export * from "./pace";
export * from "./channel";
export * from "./campaign";
export * from "./goals";
