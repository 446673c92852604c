/** Room names live in shared/ so the client names its rooms with the same helper. */
export { controlRoomName, parseRoomName, type RoomKind, type RoomName } from '../../shared/control/roomName';
