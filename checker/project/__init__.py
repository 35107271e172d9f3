"""Reading a Taro project: manifests, lock files, configs -> ProjectProfile."""
