/** Admin approval admits exactly the assigned profiles and permission sets: none assigned admits nobody. */
export declare const permittedUsersAssigned: import("../types.js").Rule;
