print("_pkgdemo.sub init")
