// The same (direction, type, number) may repeat across file-descriptor namespaces, as
// VFIO_BASE + 12 does on the container and on the device: only a repeat inside one namespace
// is refused (see ../duplicate_ioctl.rs).
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const X_TYPE: u8 = b';';
    pub const X_BASE: u32 = 100;

    pub struct Info {
        pub argsz: u32,
        pub flags: u32,
    }

    #[uabi(namespace = container)]
    pub const X_CONTAINER_RESET: Ioctl = io!(X_TYPE, X_BASE + 12);
    #[uabi(namespace = device)]
    pub const X_DEVICE_GET_INFO: Ioctl<Info> = io!(X_TYPE, X_BASE + 12);
}

fn main() {
    assert!(x::X_CONTAINER_RESET.same_request(x::X_DEVICE_GET_INFO));
}
