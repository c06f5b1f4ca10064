/**
 * Catálogo en español (América Latina, trato de usted).
 * Debe tener exactamente las mismas claves que `en.ts`.
 */
import type { Catalog } from "./en";

export const es: Catalog = {
  "app.name": "Amparo",
  "app.tagline": "Gestor de casos para clínicas legales de inmigración",
  "app.skipToContent": "Saltar al contenido principal",
  "app.loading": "Abriendo Amparo…",
  "app.retry": "Intentar de nuevo",
  "app.unreachable.title": "Amparo no puede iniciar",

  "lang.label": "Idioma",
  "reminders.title": "Amparo: plazos próximos",
  "reminders.body":
    "{count, plural, one {# plazo vence} other {# plazos vencen}} en {days, plural, one {# día} other {# días}} ({overdue, plural, one {# vencido} other {# vencidos}}, {detained} de personas detenidas). Abra la agenda de plazos para verlos.",
  "people.view.label": "Mostrar",
  "people.view.people": "Personas",
  "people.view.cases": "Casos",

  "common.showPassphrases": "Mostrar las contraseñas mientras escribo",

  "strength.label": "Seguridad: {level}",
  "strength.0": "demasiado corta",
  "strength.1": "débil",
  "strength.2": "aceptable",
  "strength.3": "buena",
  "strength.4": "muy buena",

  "passphrase.tooShort": "Use al menos {min} caracteres.",
  "passphrase.tooLong": "Es demasiado larga. Use como máximo 1024 caracteres.",
  "passphrase.required": "Escriba la contraseña.",
  "passphrase.confirmRequired":
    "Escriba la contraseña por segunda vez, para asegurarse de que no tenga errores.",
  "passphrase.mismatch": "Las dos contraseñas no coinciden.",
  "passphrase.hint":
    "Al menos {min} caracteres. Varias palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.",
  "recovery.required": "Escriba el código de recuperación.",
  "recovery.badFormat":
    "El código de recuperación tiene 32 letras y números (8 grupos de 4).",
  "form.invalid": "Revise este campo.",

  "create.title": "Crear la bóveda cifrada",
  "create.intro":
    "Amparo guarda toda la información de los clientes en un solo archivo cifrado en esta computadora. Elija una contraseña para protegerlo. Todas las personas que usen Amparo en esta computadora la necesitarán.",
  "create.passphrase": "Contraseña",
  "create.confirm": "Escriba la contraseña otra vez",
  "create.warning":
    "Sin la contraseña o el código de recuperación, nadie podrá abrir estos datos: ni usted, ni la clínica, ni quienes desarrollan Amparo.",
  "create.submit": "Crear la bóveda",
  "create.submitting": "Creando la bóveda…",

  "recoveryCode.title": "Su código de recuperación",
  "recoveryCode.intro":
    "Si alguien olvida la contraseña, este código es la única otra forma de abrir la bóveda. Solo se muestra esta vez.",
  "recoveryCode.instructions":
    "Imprímalo o cópielo a mano en papel y guárdelo en un lugar seguro, lejos de esta computadora, por ejemplo en el archivero con llave de la clínica. No lo envíe por correo electrónico ni lo guarde en un archivo de esta computadora.",
  "recoveryCode.codeLabel": "Código de recuperación",
  "recoveryCode.printHeading": "Código de recuperación de la bóveda de Amparo",
  "recoveryCode.printNote":
    "Cualquier persona que tenga este código y el archivo de la bóveda puede leer los datos de los clientes. Guarde este papel bajo llave.",
  "recoveryCode.print": "Imprimir",
  "recoveryCode.saved":
    "Ya imprimí o anoté el código de recuperación y lo guardé en un lugar seguro.",
  "recoveryCode.continue": "Continuar",
  "recoveryCode.mustConfirm": "Marque la casilla de arriba para continuar.",

  "unlock.title": "Desbloquear Amparo",
  "unlock.intro":
    "Escriba su nombre de usuario y su contraseña para abrir la bóveda cifrada.",
  "unlock.locked":
    "La bóveda está bloqueada. Los datos de los clientes siguen cifrados hasta que alguien la desbloquee.",
  "unlock.passphrase": "Contraseña",
  "unlock.submit": "Desbloquear",
  "unlock.submitting": "Desbloqueando…",
  "unlock.useRecovery": "¿Olvidó la contraseña? Use el código de recuperación",

  "recover.title": "Desbloquear con el código de recuperación",
  "recover.intro":
    "Escriba el código de recuperación que anotó en papel y luego elija una contraseña nueva. La contraseña anterior dejará de funcionar.",
  "recover.code": "Código de recuperación",
  "recover.codeHint":
    "32 letras y números. Puede escribirlo con o sin guiones y espacios, en mayúsculas o minúsculas.",
  "recover.newPassphrase": "Contraseña nueva",
  "recover.confirm": "Escriba la contraseña nueva otra vez",
  "recover.submit": "Desbloquear y guardar la contraseña nueva",
  "recover.submitting": "Desbloqueando…",
  "recover.back": "Volver a desbloquear con la contraseña",
  "recover.done":
    "Su contraseña nueva quedó guardada. El código de recuperación sigue funcionando.",

  "shell.lock": "Bloquear",
  "shell.lockShortcut": "Ctrl+L",
  "shell.nav": "Navegación principal",
  "shell.locking": "Bloqueando…",

  "nav.intake": "Admisión",
  "nav.people": "Personas",
  "nav.docket": "Agenda",
  "nav.forms": "Formularios",
  "nav.settings": "Configuración",

  "page.comingSoon": "Próximamente",
  "page.intake.body":
    "Una entrevista de admisión guiada para registrar a un cliente nuevo, su familia y su historial migratorio, en español o en inglés.",
  "page.people.body":
    "Buscar y editar clientes, familiares y contactos, con un aviso cuando alguien quizás ya esté registrado.",
  "page.docket.body":
    "Audiencias y plazos de presentación, calculados según las normas, con sus citas legales y los días feriados de los tribunales.",
  "page.forms.body":
    "Formularios de USCIS, como el I-589, llenados con los datos del expediente del cliente y guardados en PDF.",

  "settings.location.title": "Dónde están los datos",
  "settings.location.body":
    "La bóveda cifrada está guardada en esta carpeta. Inclúyala en las copias de seguridad de la clínica; nadie puede leerla sin la contraseña o el código de recuperación.",
  "settings.location.label": "Carpeta de la bóveda",
  "settings.change.title": "Cambiar la contraseña",
  "settings.change.intro":
    "El código de recuperación sigue funcionando después del cambio.",
  "settings.change.current": "Contraseña actual",
  "settings.change.next": "Contraseña nueva",
  "settings.change.confirm": "Escriba la contraseña nueva otra vez",
  "settings.change.submit": "Cambiar la contraseña",
  "settings.change.submitting": "Cambiando la contraseña…",
  "settings.change.done":
    "La contraseña se cambió. Use la nueva la próxima vez que desbloquee.",

  "error.INVALID_INPUT":
    "Algunos campos no son válidos. Revíselos e intente de nuevo.",
  "error.WRONG_PASSPHRASE": "Esa contraseña no abre esta bóveda.",
  "error.WRONG_RECOVERY_CODE":
    "Ese código de recuperación no abre esta bóveda. Revise cada grupo de cuatro caracteres.",
  "error.VAULT_EXISTS": "Ya existe una bóveda en esta carpeta.",
  "error.VAULT_NOT_FOUND":
    "No hay una bóveda en esta carpeta o falta su archivo de base de datos. Si tiene una copia de seguridad, restáurela.",
  "error.VAULT_LOCKED":
    "La bóveda está bloqueada. Desbloquéela para continuar.",
  "error.VAULT_BUSY":
    "Amparo está ocupado con otra tarea en esta bóveda; inténtelo de nuevo en un momento.",
  "error.DISK_FULL":
    "No queda espacio en el disco; no se cambió nada. Libere espacio e inténtelo de nuevo.",
  "error.KEYSLOTS_MISSING":
    "Falta el archivo de llaves que acompaña a la bóveda. Restáurelo desde su copia de seguridad.",
  "error.KEYSLOTS_CORRUPT":
    "El archivo de llaves que acompaña a la bóveda está dañado. Restáurelo desde su copia de seguridad.",
  "error.DB_CORRUPT":
    "El archivo de la bóveda está dañado o no corresponde a su archivo de llaves. Restáurelo desde su copia de seguridad.",
  "error.DB_FROM_FUTURE":
    "Esta bóveda se creó con una versión más reciente de Amparo. Actualice Amparo para abrirla.",
  "error.NOT_FOUND":
    "No se encontró ese registro. Es posible que se haya eliminado.",
  "error.LINK_NOT_FOUND":
    "Un familiar está vinculado a un registro que no está en esta bóveda. Elija a la persona de nuevo o quite el vínculo.",
  "error.MERGE_CONFLICT":
    "Estos dos registros no se pueden unir así: tienen números A distintos, o juntos tendrían más alias, idiomas, familiares o notas de los que caben en un registro. Corrija primero uno de ellos.",
  "error.DUPLICATE_UNDECIDED":
    "No se guardó: es probable que alguien registrado sea la misma persona. Para cada coincidencia probable, elija Persona nueva, Misma persona o Revisar después, y guarde de nuevo.",
  "error.STALE_WRITE":
    "Otra persona modificó este registro mientras usted lo editaba. Vuelva a cargarlo y haga sus cambios de nuevo.",
  "error.UNKNOWN_RULE": "Amparo no conoce esa regla de plazos.",
  "error.BAD_DATE": "Esa fecha no es válida.",
  "error.CSV_INVALID":
    "No se pudo leer ese archivo CSV. Revise que tenga las columnas esperadas.",
  "error.PDF_INVALID": "Ese archivo no es un PDF legible.",
  "error.PDF_NEEDS_PASSWORD":
    "Ese PDF está protegido con contraseña y no se puede abrir.",
  "error.PDF_NO_FORM": "Ese PDF no tiene campos para llenar.",
  "error.PDF_WRONG_EDITION":
    "Ese PDF es una edición del formulario distinta de la que Amparo espera. Descargue la edición vigente del sitio de USCIS.",
  "error.FORM_MAP_MISMATCH":
    "Ese PDF es otro formulario que el elegido: tiene menos de la mitad de los campos del formulario. No se llenó nada.",
  "error.PDF_TOO_COMPLEX":
    "Ese PDF es demasiado complejo para abrirlo con seguridad (se expande a demasiados datos o tiene demasiadas partes). Descargue de nuevo el formulario en blanco del sitio uscis.gov.",
  "error.BACKUP_DAMAGED":
    "Este archivo de respaldo está dañado; no se restauró nada de él. Use otro respaldo.",
  "error.BACKUP_OTHER_VAULT":
    "Este respaldo es de otra bóveda. Restáurelo en una carpeta nueva y vacía.",
  "error.BACKUP_FOLDER_UNAVAILABLE":
    "La carpeta de respaldos no está disponible. Conecte la memoria USB o la carpeta de red e inténtelo de nuevo.",
  "error.CANCELLED": "Se canceló la operación.",
  "error.FORBIDDEN": "Esa acción no está permitida.",
  "error.CLINIC_NONE":
    "Esta bóveda todavía no forma parte de una clínica. Cree una clínica o únase a una primero.",
  "error.CLINIC_EXISTS": "Esta bóveda ya pertenece a una clínica.",
  "error.JOIN_INVALID":
    "Este archivo de unión fue modificado después de escribirse, o no es para esta bóveda. Pida uno nuevo.",
  "error.FINGERPRINT_MISMATCH":
    "Las huellas no coinciden. No apruebe: es posible que el archivo no venga de esa computadora.",
  "error.BUNDLE_DAMAGED":
    "Este paquete está dañado o incompleto. No se aplicó nada de él.",
  "error.BUNDLE_FROM_FUTURE":
    "Este paquete fue escrito por una versión más nueva de Amparo. Actualice Amparo e impórtelo de nuevo.",
  "error.BUNDLE_OTHER_CLINIC":
    "Este paquete viene de otra clínica. No se aplicó nada.",
  "error.BUNDLE_UNKNOWN_DEVICE":
    "Este paquete viene de un dispositivo que la clínica nunca aprobó. No se aplicó nada.",
  "error.BUNDLE_DEVICE_REVOKED":
    "Este paquete viene de un dispositivo que la clínica revocó. No se aplicó nada.",
  "error.BUNDLE_DEVICE_EXPIRED":
    "Este paquete viene de un dispositivo cuya aprobación venció. No se aplicó nada.",
  "error.BUNDLE_BAD_SIGNATURE":
    "Este paquete fue modificado en el camino: su firma no coincide. No se aplicó nada.",
  "error.BUNDLE_UNREADABLE":
    "Este paquete no se puede descifrar con las claves de esta clínica. No se aplicó nada.",
  "error.INTERNAL":
    "Algo falló dentro de Amparo. Sus datos guardados no cambiaron. Intente de nuevo.",

  // ---- Admisión, personas, búsqueda, importación (issue 3) ----
  "nav.import": "Importar",

  "common.yes": "Sí",
  "common.no": "No",
  "common.remove": "Quitar",
  "common.removeItem": "Quitar {item}",
  "common.edit": "Editar",
  "common.cancel": "Cancelar",
  "common.actions": "Acciones",
  "common.choose": "Elija…",
  "common.notAnswered": "Sin respuesta",

  "text.required": "Este dato es obligatorio.",
  "text.tooLong": "Es demasiado largo.",
  "text.invalid": "Escriba un texto aquí.",
  "text.invalidCharacters":
    "Quite los caracteres de control invisibles (suelen pegarse sin querer).",
  "date.invalid":
    "Escriba una fecha real como MM/DD/AAAA, por ejemplo 03/07/1990.",
  "date.future": "Esta fecha está en el futuro.",
  "date.tooEarly": "Esta fecha es anterior a 1900: revise el año.",
  "date.tooLate": "Esta fecha es posterior a 2199: revise el año.",
  "aNumber.invalid":
    "El número A es la letra A y 8 o 9 dígitos, por ejemplo A-012-345-678.",
  "phone.invalid":
    "Escriba un número de teléfono: de 7 a 15 dígitos; se aceptan espacios, guiones y +.",
  "email.invalid": "Escriba un correo electrónico como nombre@ejemplo.org.",
  "option.invalid": "Elija una de las opciones.",
  "age.invalid": "Escriba la edad en años cumplidos (de 0 a 130).",
  "person.dobOrAgeRequired":
    "Indique la fecha de nacimiento o una edad aproximada.",
  "detention.facilityRequired": "Indique el centro de detención.",
  "list.invalid": "Esta lista no es válida.",
  "list.tooLong": "Esta lista tiene demasiadas entradas.",
  "time.invalid":
    "Escriba una hora como HH:MM (24 horas), por ejemplo 08:30 o 13:00.",

  "intake.quick": "Admisión rápida",
  "intake.full": "Admisión completa",
  "intake.modeLabel": "Tipo de admisión",
  "intake.quickHelp":
    "Para charlas y visitas: lo esencial, con el teclado. Enter en el último campo o Ctrl+Enter guarda.",
  "intake.fullHelp":
    "Todas las secciones del expediente. Ctrl+Enter guarda desde cualquier campo.",
  "intake.cannotGoQuick":
    "Esta admisión completa ya tiene datos que la forma rápida no puede guardar. Guárdela, o bórrela para cambiar.",
  "intake.dateHint":
    "MM/DD/AAAA: mes, día y año, como en los documentos de EE. UU.",
  "intake.datePlaceholder": "MM/DD/AAAA",
  "intake.urgentNeedsHint":
    "Enter guarda la admisión; Mayús+Enter empieza una línea nueva.",
  "intake.save": "Guardar admisión",
  "intake.saving": "Guardando…",
  "intake.saveShortcut": "Ctrl+Enter",
  "intake.errorSummary":
    "No se guardó la admisión. {count, plural, one {Corrija este problema:} other {Corrija estos # problemas:}}",
  "intake.draftSaved": "Borrador guardado {time}",
  "intake.draftNotYet":
    "Los borradores se guardan en la bóveda mientras escribe.",
  "intake.draftFailed":
    "No se pudo guardar el borrador. Deje esta ventana abierta; se volverá a intentar en un momento.",
  "intake.savedTitle": "Guardado: {name}",
  "intake.savedAnnounce": "Admisión guardada para {name}.",
  "intake.savedBody":
    "El expediente está en la bóveda. Empiece la siguiente admisión, o abra este expediente para agregar más datos.",
  "intake.newIntake": "Nueva admisión",
  "intake.openRecord": "Abrir expediente",

  "drafts.title": "Admisiones sin guardar ({count})",
  "drafts.intro":
    "Se estaban escribiendo cuando se cerró la ventana o se bloqueó la bóveda. Retome una para terminarla.",
  "drafts.noName": "Todavía sin nombre",
  "drafts.savedAt": "guardada el {date} a las {time}",
  "drafts.resume": "Retomar",
  "drafts.resumeNamed": "Retomar la admisión de {name}",
  "drafts.discard": "Descartar",
  "drafts.discardNamed": "Descartar la admisión de {name}",

  "field.givenName": "Nombres",
  "field.familyName": "Apellidos",
  "field.familyNameHint":
    "Los dos apellidos si la persona usa dos. Déjelo vacío si tiene un solo nombre.",
  "field.aliases": "Otros nombres usados",
  "field.aliasN": "Otro nombre {n}",
  "field.addAlias": "Agregar otro nombre",
  "field.dob": "Fecha de nacimiento",
  "field.approxAge": "Edad aproximada",
  "field.approxAgeOr": "O edad aproximada",
  "field.approxAgeHint": "Si no se sabe la fecha de nacimiento.",
  "field.sex": "Sexo",
  "field.countryOfBirth": "País de nacimiento",
  "field.nationality": "Nacionalidad",
  "field.languages": "Idiomas",
  "field.languageN": "Idioma {n}",
  "field.addLanguage": "Agregar un idioma",
  "field.interpreterNeeded": "Necesita intérprete",
  "field.aNumber": "Número A",
  "field.aNumberHint": "A y 8 o 9 dígitos; con o sin guiones o espacios.",
  "field.phone": "Teléfono",
  "field.phoneOptionalHint":
    "Opcional: déjelo vacío si la persona no tiene teléfono (por ejemplo, en detención).",
  "field.requiredMark": "obligatorio",
  "field.requiredNote":
    "Los campos marcados con un asterisco son obligatorios.",
  "field.consentGiven": "¿La persona dio su consentimiento?",
  "field.email": "Correo electrónico",
  "field.address": "Dirección",
  "field.street": "Calle",
  "field.unit": "Apto. / unidad",
  "field.city": "Ciudad",
  "field.state": "Estado",
  "field.zip": "Código postal",
  "field.country": "País",
  "field.safeContact": "Contacto de confianza",
  "field.safeContactHint":
    "Alguien que siempre pueda comunicarse con la persona (sobre todo si está detenida).",
  "field.safeContactName": "Nombre del contacto",
  "field.safeContactPhone": "Teléfono del contacto",
  "field.relationship": "Parentesco o relación",
  "field.detained": "¿Está detenido/a ahora?",
  "field.facility": "Centro de detención",
  "field.bookingNumber": "Número de registro (booking)",
  "field.dateDetained": "Fecha de detención",
  "field.iceFieldOffice": "Oficina de ICE",
  "field.nextHearingDate": "Fecha de la próxima audiencia",
  "field.urgentNeeds": "Necesidades urgentes",
  "field.lastEntryDate": "Fecha de la última entrada a EE. UU.",
  "field.lastEntryManner": "Forma de la última entrada",
  "field.priorOrders": "¿Alguna orden previa de deportación?",
  "field.priorOrdersDetails": "Detalles de las órdenes previas",
  "field.arrests":
    "¿Alguna vez arrestado(a), citado(a), acusado(a) o condenado(a) por un delito, en cualquier país?",
  "field.arrestsDetails":
    "Detalles de cada arresto o condena (cuándo, dónde, cargo, resultado)",
  "field.tpsCountry": "País del TPS",
  "field.tpsStatus": "Situación del TPS",
  "field.eadExpiry": "Vence el permiso de trabajo (EAD)",
  "field.caseType": "Tipo de caso",
  "field.caseStatus": "Estado",
  "field.court": "Corte u oficina",
  "field.judge": "Juez/a",
  "field.hearingDate": "Fecha de la próxima audiencia",
  "field.hearingTime": "Hora",
  "field.hearingTimeHint": "HH:MM, 24 horas",
  "field.hearingKind": "Tipo de audiencia",
  "field.assignedTo": "Asignado a",
  "field.outcome": "Resultado o notas",
  "field.familyMemberName": "Nombre del familiar",
  "field.usCitizen": "Ciudadano/a de EE. UU.",
  "field.notes": "Notas",
  "field.consentDate": "Fecha del consentimiento",
  "field.consentHow": "Cómo dio su consentimiento",
  "field.consentLanguage": "Idioma del consentimiento",

  "section.person": "Persona",
  "section.contact": "Contacto",
  "section.detention": "Detención",
  "section.history": "Historial migratorio",
  "section.cases": "Casos",
  "section.family": "Familiares",
  "section.notes": "Notas",
  "section.consent": "Consentimiento",

  "consent.hint":
    "Anote que la persona aceptó que la clínica guarde esta información, y en qué idioma se le explicó.",
  "consent.optionalHint":
    "Complételo cuando se registre el consentimiento; deje los tres vacíos si todavía no se dio.",

  "cases.none": "Todavía no hay casos.",
  "cases.caseN": "Caso {n}",
  "cases.add": "Agregar un caso",
  "cases.remove": "Quitar el caso {n}",
  "cases.addTitle": "Caso nuevo",
  "cases.editTitle": "Editar el caso",
  "cases.editNamed": "Editar el caso: {type}",
  "cases.save": "Guardar el caso",
  "cases.stale":
    "Otra persona guardó este caso después de que usted lo abrió. Vuelva a cargarlo para ver sus cambios y haga los suyos de nuevo.",

  "family.none": "No hay familiares anotados.",
  "family.memberN": "Familiar {n}",
  "family.add": "Agregar un familiar",
  "family.remove": "Quitar al familiar {n}",
  "family.linkLabel": "Su propio registro (opcional)",
  "family.linkHint":
    "Si este familiar también está en la bóveda, búsquelo por nombre o número A para vincular los dos registros.",
  "family.linkResults": "Personas en la bóveda",
  "family.linkNone": "No se encontró a nadie.",
  "family.linkCount":
    "{count, plural, one {# persona encontrada} other {# personas encontradas}}. Use las flechas para elegir y Enter para vincular.",
  "family.linkedTo": "Vinculado al registro de {name}.",
  "family.linkedUnknown": "Vinculado a un registro de la bóveda.",
  "family.openRecord": "Abrir el registro de {name}",
  "family.unlink": "Quitar el vínculo",
  "family.listedByTitle": "Figura como familiar en",
  "family.listedAs": "registra a esta persona como: {relationship}",
  "family.linkMissing":
    "El registro vinculado no está en esta bóveda. Elija a la persona de nuevo o quite el vínculo.",
  "family.linkSelf": "Una persona no puede figurar como su propio familiar.",

  "enum.sex.male": "Masculino",
  "enum.sex.female": "Femenino",
  "enum.caseType.removal-detained": "Deportación (detenido/a)",
  "enum.caseType.removal-nondetained": "Deportación (no detenido/a)",
  "enum.caseType.tps": "TPS",
  "enum.caseType.asylum-affirmative": "Asilo (afirmativo)",
  "enum.caseType.asylum-defensive": "Asilo (defensivo)",
  "enum.caseType.ead": "Permiso de trabajo (EAD)",
  "enum.caseType.bond": "Fianza",
  "enum.caseType.bia-appeal": "Apelación ante la BIA",
  "enum.caseType.motion-to-reopen": "Moción para reabrir",
  "enum.caseType.other": "Otro",
  "enum.caseStatus.open": "Abierto",
  "enum.caseStatus.pending": "Pendiente",
  "enum.caseStatus.closed": "Cerrado",
  "enum.hearingKind.master": "Audiencia preliminar (master)",
  "enum.hearingKind.individual": "Audiencia individual (de fondo)",
  "enum.entryManner.EWI": "Entró sin inspección",
  "enum.entryManner.visa": "Visa",
  "enum.entryManner.parole": "Parole (permiso de permanencia)",
  "enum.entryManner.CBP One": "Cita de CBP One",
  "enum.entryManner.other": "Otra",
  "enum.priorOrders.no": "No",
  "enum.priorOrders.yes": "Sí",
  "enum.priorOrders.unknown": "No sabe",
  "enum.tpsStatus.eligible": "Elegible",
  "enum.tpsStatus.pending": "En trámite",
  "enum.tpsStatus.granted": "Aprobado",
  "enum.tpsStatus.denied": "Negado",
  "enum.tpsStatus.expired": "Vencido",
  "enum.consentHow.verbal": "De palabra",
  "enum.consentHow.written": "Por escrito",
  "enum.consentHow.other": "Otra forma",

  "urgency.title": "Urgente",
  "urgency.none": "Todavía no hay alertas de urgencia.",
  "urgency.detained": "Detenido/a",
  "urgency.hearingIn":
    "Audiencia en {days, plural, one {# día} other {# días}} ({date})",
  "urgency.hearingToday": "Audiencia hoy ({date})",
  "urgency.asylumIn":
    "Plazo de un año para el asilo en {days, plural, one {# día} other {# días}} ({date})",
  "urgency.asylumPassed":
    "El plazo de un año para el asilo venció hace {days, plural, one {# día} other {# días}} ({date})",
  "urgency.medical": "Necesidades médicas: {terms}",
  "urgency.workPermitExpired":
    "El permiso de trabajo venció {days, plural, =0 {hoy} one {hace # día} other {hace # días}} ({date})",
  "urgency.workPermitExpiring":
    "El permiso de trabajo vence {days, plural, =0 {hoy} one {en # día} other {en # días}} ({date})",

  "dup.title": "¿Ya está registrado/a?",
  "dup.none": "Por ahora nadie registrado coincide.",
  "dup.found":
    "{count, plural, one {# persona registrada podría ser la misma persona.} other {# personas registradas podrían ser la misma persona.}}",
  "dup.likely": "Probablemente la misma",
  "dup.possible": "Posiblemente la misma",
  "dup.noDob": "Sin fecha de nacimiento",
  "dup.question": "¿Es {name}?",
  "dup.decision.new-person": "Persona nueva",
  "dup.decision.same-person": "Misma persona",
  "dup.decision.needs-review": "Revisar después",
  "dup.sameHint":
    "La misma persona queda en un solo expediente: una esta admisión con él ahora, o abra el expediente existente (lo escrito queda como borrador).",
  "dup.mergeNow": "Unir con {name} ahora…",
  "dup.openKeepDraft":
    "Abrir el expediente existente (conservar esto como borrador)",
  "dup.mergeNeeded":
    "No se guardó: «La misma persona» se guarda como un solo expediente. Únalo con el expediente existente, ábralo en su lugar o elija otra respuesta.",
  "dup.mergeTitle": "¿Unir esta admisión con {name}?",
  "dup.mergeIntro":
    "La admisión se guarda y los dos expedientes pasan a ser uno, en un solo paso.",
  "dup.mergeKeep": "¿Qué expediente se conserva?",
  "dup.mergeKeepExisting": "El expediente de {name} que ya existe",
  "dup.mergeKeepNew": "El expediente nuevo de esta admisión",
  "dup.mergeNothingLost":
    "No se pierde nada: los nombres del otro expediente pasan a otros nombres usados, un segundo teléfono, correo o dirección queda como contacto adicional, sus casos pasan a este y queda en la bóveda marcado como unido.",
  "dup.mergeConfirm": "Guardar y unir",
  "person.moreContacts": "Otros contactos",
  "merge.keepWhich": "¿Qué expediente se conserva?",
  "merge.keepThis": "Este expediente ({name})",
  "merge.keepOther": "El otro expediente ({name})",
  "merge.confirmChosen": "Unir los dos expedientes",
  "dup.openExisting": "Abrir el expediente existente",
  "dup.openNamed": "Abrir {name}",
  "dup.blocked":
    "No se guardó: es probable que alguien registrado sea la misma persona. Para cada coincidencia probable, elija Persona nueva, Misma persona o Revisar después.",
  "dup.reason.a-number-equal": "Mismo número A",
  "dup.reason.a-number-differs": "Números A distintos",
  "dup.reason.dob-equal": "Misma fecha de nacimiento",
  "dup.reason.dob-close":
    "Fecha de nacimiento con un dígito distinto, o día y mes invertidos",
  "dup.reason.dob-differs": "Fechas de nacimiento distintas",
  "dup.reason.dob-missing": "Falta la fecha de nacimiento en uno de los dos",
  "dup.reason.names-equal": "Mismo nombre",
  "dup.reason.names-equal-ignoring-accents": "Mismo nombre salvo los acentos",
  "dup.reason.accent-variant": "Nombre escrito con otros acentos",
  "dup.reason.given-family-swapped": "Nombre y apellido invertidos",
  "dup.reason.name-split-differs":
    "Mismas palabras, repartidas de otra forma entre nombre y apellido",
  "dup.reason.second-given-dropped":
    "Falta un segundo nombre en uno de los dos",
  "dup.reason.second-surname-dropped":
    "Falta el segundo apellido en uno de los dos",
  "dup.reason.transliteration-variant":
    "Otra forma de escribir el mismo nombre en letras latinas",
  "dup.reason.phonetic-match": "Los nombres suenan igual",
  "dup.reason.spelling-variant": "Nombre con una letra distinta",
  "dup.reason.hyphen-variant": "Nombre con y sin guion",
  "dup.reason.particle-variant": "Nombre con y sin partícula (de, del, la…)",
  "dup.reason.family-name-only": "Solo coincide el apellido",
  "dup.reason.given-name-only": "Solo coincide el nombre",
  "dup.reason.family-name-missing": "Falta el apellido en uno de los dos",
  "dup.reason.given-name-missing": "Falta el nombre en uno de los dos",
  "dup.reason.single-name-only": "Solo hay un nombre para comparar",
  "dup.reason.names-differ": "Los nombres son distintos",

  "search.label": "Buscar personas",
  "search.placeholder": "Nombre o número A",
  "search.hint":
    "Los resultados aparecen mientras escribe. Las flechas se mueven, Enter abre, Escape cierra. Atajo: Ctrl+K o /.",
  "search.results": "Personas encontradas",
  "search.count":
    "{count, plural, =0 {Ningún resultado} one {# resultado} other {# resultados}}. Elija con las flechas y abra con Enter.",
  "search.none": "No se encontró a nadie.",

  "people.filters": "Filtros",
  "people.filter.detained": "Solo detenidos/as",
  "people.filter.soon":
    "Audiencia en {days, plural, one {el próximo día} other {los próximos # días}}",
  "people.filter.mine": "Asignados a mí",
  "people.me": "Mi nombre (para «asignados a mí»)",
  "people.meHint":
    "Tal como figura en «Asignado a» en los casos. Se guarda solo hasta bloquear.",
  "people.meNeeded": "Escriba su nombre para usar «Asignados a mí».",
  "people.loading": "Cargando…",
  "people.empty": "Nadie coincide.",
  "people.showing": "Mostrando {from}–{to} de {total}",
  "people.tableLabel": "Personas",
  "people.col.name": "Nombre",
  "people.col.dob": "Nac.",
  "people.col.aNumber": "Número A",
  "people.col.detention": "Detención",
  "people.col.hearing": "Próxima audiencia",
  "people.col.assignedTo": "Asignado a",
  "people.col.updated": "Actualizado",
  "people.detained": "Detenido/a",
  "people.pager": "Páginas",
  "people.prev": "Anterior",
  "people.next": "Siguiente",
  "people.page": "Página {page} de {pages}",

  "person.loading": "Abriendo el expediente…",
  "person.backToList": "Todas las personas",
  "person.age": "Unos {age, plural, one {# año} other {# años}}",
  "person.updated":
    "Guardado por última vez el {when} por {who} (versión {version})",
  "person.editTitle": "Expediente",
  "person.save": "Guardar cambios",
  "person.savedNotice": "Cambios guardados a las {time}.",
  "person.stale":
    "Otra persona guardó este expediente después de que usted lo abrió. Sus cambios NO se guardaron y no se sobrescribió nada de lo suyo. Vuelva a cargarlo para ver esa versión y haga sus cambios de nuevo.",
  "person.reload": "Volver a cargar",
  "person.restoreBody":
    "Hay cambios sin guardar en este expediente de las {time}.",
  "person.restore": "Recuperarlos",
  "person.restoreDiscard": "Descartarlos",
  "person.mergedNotice":
    "Este expediente se unió a otro. Se conserva para el historial, solo para lectura.",
  "person.openMerged": "Abrir el expediente al que se unió",

  "merge.title": "Posibles duplicados de este expediente",
  "merge.none": "Ningún otro expediente parece ser de la misma persona.",
  "merge.button": "Unir a este expediente",
  "merge.confirmTitle": "¿Unir los dos expedientes?",
  "merge.confirmIntro":
    "El expediente de {other} se unirá al expediente de {keep}, que se conserva:",
  "merge.keeps":
    "Todo lo que ya está en el expediente de {keep} se conserva tal cual.",
  "merge.fills":
    "Los campos vacíos del expediente que se conserva se completan con el de {other}.",
  "merge.moves": "Los casos de {other} pasan al expediente que se conserva.",
  "merge.aliases":
    "El nombre «{other}» y sus otros nombres se agregan como otros nombres usados.",
  "merge.appends":
    "Se conservan los familiares, las notas y las necesidades urgentes de los dos, uno después del otro.",
  "merge.stays":
    "El expediente de {other} no se borra: queda en la bóveda, marcado como unido.",
  "merge.confirm": "Unir {other} a este expediente",
  "merge.merging": "Uniendo…",
  "merge.done": "Se unieron los expedientes.",

  "importer.fileTitle": "Importar personas desde un archivo CSV",
  "importer.intro":
    "Revise cada fila antes de guardar nada. La importación es todo o nada: si alguna fila tiene un problema, no se importa nada.",
  "importer.chooseFile": "Archivo CSV",
  "importer.fileHint":
    "Una hoja de cálculo guardada como CSV (separada por comas, punto y coma o tabuladores). Hasta 50 MB.",
  "importer.template": "Descargar la plantilla CSV",
  "importer.exportAll": "Exportar a todos a CSV",
  "importer.reading": "Leyendo el archivo…",
  "importer.previewing": "Revisando cada fila…",
  "importer.importing":
    "Importando {count, plural, one {# fila} other {# filas}}… no se guarda nada hasta que estén todas.",
  "importer.cancel": "Cancelar la importación",
  "importer.cancelling": "Cancelando…",
  "importer.cancelled": "Se canceló la importación. No se guardó nada.",
  "importer.percent": "{percent} %",
  "importer.readTitle": "Cómo se leyó «{name}»",
  "importer.encoding": "Codificación",
  "importer.encodingNote":
    "El archivo no estaba marcado como UTF-8; se leyó como {encoding}. Revise abajo que las letras con acento se vean bien.",
  "importer.delimiter": "Separador",
  "importer.delim.comma": "coma",
  "importer.delim.semicolon": "punto y coma",
  "importer.delim.tab": "tabulador",
  "importer.rows": "Filas",
  "importer.counts":
    "{total, plural, one {# fila} other {# filas}}: {valid, plural, one {# lista} other {# listas}}, {invalid} con problemas, {dups, plural, one {# probablemente ya registrada} other {# probablemente ya registradas}}",
  "importer.mappingCaption":
    "Qué columna llena cada campo (cambie las que estén mal)",
  "importer.colHeader": "Columna del archivo",
  "importer.colField": "Campo de Amparo",
  "importer.noHeader": "Columna {n} (sin encabezado)",
  "importer.ignoreColumn": "— No usar esta columna —",
  "importer.problemsTitle": "Problemas que corregir ({count})",
  "importer.issueField": "Línea {line}: {field}: {problem}",
  "importer.issueRow": "Línea {line}: {problem}",
  "importer.rowsTitle": "Filas",
  "importer.rowsCut":
    "Se muestran las primeras {shown} de {total} filas; arriba se listan los problemas de todas.",
  "importer.line": "Línea",
  "importer.status": "Revisión",
  "importer.rowOk": "Lista",
  "importer.skipRow": "Omitir la línea {line}",
  "importer.dupVault": "ya registrada: {name}",
  "importer.dupFile": "igual que la línea {line} de este archivo: {name}",
  "importer.choiceLabel": "Qué hacer con la línea {line}",
  "importer.choose": "Elija…",
  "importer.choiceDefault": "Importar como persona nueva",
  "importer.choice.import": "Importar como persona nueva",
  "importer.choice.skip": "Omitir esta fila",
  "importer.choice.flag": "Importar y marcar para revisar",
  "importer.choice.merge": "Unir a {name}",
  "importer.choiceNeeded":
    "Algunas filas parecen personas ya registradas. Elija qué hacer con cada una antes de importar.",
  "importer.importAll": "Importar todo ({count})",
  "importer.allOrNothing":
    "Todo o nada: una fila con problemas detiene toda la importación.",
  "importer.nothingImported":
    "No se importó nada. Corrija estas líneas en el archivo (u omítalas) e intente de nuevo:",
  "importer.needChoiceLines": "Elija qué hacer con las líneas {lines}.",
  "importer.andMore": "y {count} más",
  "importer.doneTitle":
    "{count, plural, one {# persona importada} other {# personas importadas}}",
  "importer.doneBody":
    "Importadas: {imported}; omitidas: {skipped}; unidas: {merged}; marcadas para revisar: {flagged}.",
  "importer.openPeople": "Abrir la lista de personas",
  "importer.issue.csv.missingColumn":
    "falta esta columna: asígnele una columna",
  "importer.issue.csv.columnTwice":
    "dos columnas llenan este campo: ponga una de ellas en «No usar»",
  "importer.issue.csv.tooManyCells":
    "esta fila tiene más celdas que el encabezado (¿una coma o punto y coma dentro de una celda sin comillas?)",
  "importer.issue.csv.noRows":
    "el archivo tiene encabezado pero no tiene filas",
  "importer.issue.csv.unclosedQuote":
    'una celda entre comillas no se cierra (falta una ")',
  "importer.issue.csv.notText":
    "no es un archivo CSV de texto (¿un libro de Excel? Guárdelo primero como CSV)",
  "importer.issue.csv.tooLarge": "el archivo pesa más de 50 MB: divídalo",
  "importer.issue.csv.empty": "el archivo está vacío",
  "importer.issue.csv.noHeader": "el archivo no tiene fila de encabezado",
  "importer.issue.csv.unreadable": "esta línea no se puede leer como CSV",
  "importer.issue.csv.tooManyRows":
    "el archivo tiene demasiadas filas: divídalo",
  "importer.issue.csv.isFolder": "es una carpeta, no un archivo CSV",
  "importer.issue.csv.notAFile":
    "no es un archivo común (es un dispositivo o una tubería): guarde primero el CSV en un archivo",
  "importer.issue.csv.unknownEncoding": "Amparo no conoce esa codificación",
  "importer.issue.csv.encodingUnsure":
    "no está clara la codificación del archivo: sus letras podrían leerse mal",

  "csvField.given_name": "Nombre",
  "csvField.family_name": "Apellido",
  "csvField.aliases": "Otros nombres",
  "csvField.dob": "Fecha de nacimiento",
  "csvField.approx_age": "Edad aproximada",
  "csvField.sex": "Sexo",
  "csvField.country_of_birth": "País de nacimiento",
  "csvField.nationality": "Nacionalidad",
  "csvField.language": "Idioma",
  "csvField.interpreter_needed": "Necesita intérprete",
  "csvField.a_number": "Número A",
  "csvField.phone": "Teléfono",
  "csvField.email": "Correo electrónico",
  "csvField.detained": "Detenido/a",
  "csvField.facility": "Centro de detención",
  "csvField.arrested":
    "Alguna vez arrestado(a) o condenado(a) (sí, no, en blanco: no sabe)",
  "csvField.arrest_details": "Detalles de arrestos o condenas",
  "csvField.booking_number": "Número de registro (booking)",
  "csvField.next_hearing": "Próxima audiencia",
  "csvField.urgent_needs": "Necesidades urgentes",
  "csvField.notes": "Notas",
  // ---- Agenda, plazos, eventos, TPS (issue 4 UI) ----
  "nav.tps": "TPS",
  "hearing.kindRequired": "Elija el tipo de audiencia.",
  "uscis.daysForRfeOrNoidOnly":
    "Indique el número de días solo para una solicitud de evidencia o un aviso de intención de negar.",

  "when.today": "hoy",
  "when.tomorrow": "mañana",
  "when.yesterday": "vencido hace 1 día",
  "when.inDays": "en {n, plural, one {# día} other {# días}}",
  "when.daysAgo": "vencido hace {n, plural, one {# día} other {# días}}",

  "badge.done": "Hecho",
  "badge.verify": "Verificar",
  "badge.verifyTitle":
    "La ley detrás de esta fecha no está resuelta o su cita no está confirmada: verifíquela antes de confiar en ella.",
  "badge.overridden": "Fecha cambiada",
  "badge.overriddenTitle":
    "Una persona reemplazó la fecha calculada; la fecha calculada se conserva.",
  "badge.overrideStale": "Cambio desactualizado",
  "badge.overrideStaleTitle":
    "La fecha calculada cambió después de que se fijó el cambio.",
  "badge.closure": "Cierre del tribunal",
  "badge.closureTitle":
    "La fecha límite cae en un día de cierre del tribunal que ustedes indicaron.",
  "badge.overMax": "Supera el máximo legal",
  "badge.overMaxTitle":
    "Los días indicados superan lo que la ley permite para este plazo.",
  "badge.changedAfterDone": "Cambió después de hecho",
  "badge.changedAfterDoneTitle":
    "La fecha calculada cambió después de marcar este plazo como hecho.",

  "docket.filters": "Filtros de la agenda",
  "docket.assignee": "Asignado a",
  "docket.everyone": "Todos",
  "docket.caseType": "Tipo de caso",
  "docket.allCaseTypes": "Todos los tipos de caso",
  "docket.findPerson": "Abrir los plazos de una persona",
  "docket.findPersonPlaceholder": "Nombre o número A",
  "docket.findPersonHint":
    "Escriba al menos 2 letras; la flecha abajo lleva a los resultados.",
  "docket.findResults": "Personas encontradas",
  "docket.findNone": "No se encontró a nadie.",
  "docket.openPersonDeadlines": "Plazos de {name}",
  "docket.loading": "Cargando la agenda…",
  "docket.summary":
    "{count, plural, one {# plazo abierto en los próximos 30 días o vencido} other {# plazos abiertos en los próximos 30 días o vencidos}}. Hoy es {today}. Las personas detenidas aparecen primero.",
  "docket.group.overdue": "Vencidos",
  "docket.group.today": "Hoy",
  "docket.group.next7": "Próximos 7 días",
  "docket.group.next30": "Próximos 30 días",
  "docket.empty.overdue": "Nada vencido.",
  "docket.empty.today": "Nada vence hoy.",
  "docket.empty.next7": "Nada vence en los próximos 7 días.",
  "docket.empty.next30": "Nada más vence en los próximos 30 días.",
  "docket.col.due": "Vence",
  "docket.col.deadline": "Plazo (ábralo para ver el cálculo)",
  "docket.col.person": "Persona",
  "docket.col.caseType": "Tipo de caso",
  "docket.col.flags": "Marcas",
  "docket.detained": "Detenido/a",
  "docket.truncated":
    "Se muestran {shown} de {total}. Use los filtros para acotar la lista.",
  "docket.back": "Volver a la agenda",
  "docket.personTitle": "Plazos: {name}",
  "docket.range": "Mostrar",
  "docket.range.30": "30 días por delante",
  "docket.range.90": "90 días por delante",
  "docket.range.365": "365 días por delante",
  "docket.range.all": "Todo lo pendiente",
  "docket.summaryDays":
    "{count, plural, one {# asunto pendiente} other {# asuntos pendientes}} (plazos y audiencias), vencidos o en los próximos {days, plural, one {# día} other {# días}}. Hoy es {today}. Las personas detenidas aparecen primero.",
  "docket.summaryAll":
    "{count, plural, one {# asunto pendiente} other {# asuntos pendientes}} (plazos y audiencias): todo lo pendiente. Hoy es {today}. Las personas detenidas aparecen primero.",
  "docket.group.later": "Más adelante",
  "docket.empty.later": "Nada más en este periodo.",
  "docket.rangeFrom": "desde el {date}",
  "docket.shown": "Se muestran {shown, number} de {total, number}.",
  "docket.showMore": "Mostrar {count, number} más",
  "docket.kind.hearing": "Audiencia",
  "docket.hearing.time": "Hora",
  "docket.hearing.court": "Tribunal",
  "docket.hearing.judge": "Juez(a)",
  "docket.notices.title": "Para información",
  "docket.notices.intro":
    "No son plazos vencidos: la designación de TPS de estos países terminó en la fecha indicada. Verifique si se extendió o se redesignó antes de asesorar.",
  "docket.notice.ended": "terminó el {date}",

  "deadline.loading": "Cargando…",
  "deadline.close": "Cerrar",
  "deadline.openPerson": "Abrir todos los plazos de {name}",
  "deadline.due": "Fecha límite (presentar o actuar a más tardar)",
  "deadline.dueOverridden": "Fecha límite, según el cambio",
  "deadline.computedDue": "Fecha calculada",
  "deadline.overrideReason": "Motivo del cambio",
  "deadline.overrideBy": "(por {who}, {when})",
  "deadline.overrideStale":
    "La fecha calculada cambió después de fijar este cambio: era {then} y ahora es {now}. Revise si el cambio sigue siendo válido.",
  "deadline.ruleDue": "Lectura literal de la regla",
  "deadline.ruleDueExplain":
    "La fecha límite {due} es la fecha prudente: presente a más tardar ese día. Una lectura literal de la regla da {rule}; se muestra solo como referencia.",
  "deadline.closureDue": "Siguiente día abierto del tribunal",
  "deadline.closureExplain":
    "La fecha límite es un día de cierre del tribunal que ustedes indicaron. Si el cierre prorroga este plazo se anuncia caso por caso: confiar en la fecha posterior es decisión de una persona.",
  "deadline.verifyExplain":
    "Verificar: la ley detrás de esta fecha no está resuelta, o no se pudo confirmar su cita. Revísela antes de confiar en ella.",
  "deadline.trailTitle": "Cómo se calculó esta fecha",
  "deadline.citation": "Cita",
  "deadline.noCitation": "No se indicó cita.",
  "deadline.note": "Nota",
  "deadline.status": "Estado",
  "deadline.open": "Abierto",
  "deadline.doneBy": "Hecho: marcado por {who} el {when}",
  "deadline.markDone": "Marcar como hecho",
  "deadline.markedDone": "Marcado como hecho.",
  "deadline.reopen": "Reabrir",
  "deadline.reopened": "Reabierto.",
  "deadline.override": "Cambiar la fecha…",
  "deadline.changeOverride": "Modificar el cambio…",
  "deadline.clearOverride": "Quitar el cambio",
  "deadline.overrideCleared":
    "Cambio quitado: vuelve a regir la fecha calculada.",
  "deadline.overrideTitle": "Cambiar la fecha límite",
  "deadline.overrideIntro":
    "Para una fecha que el tribunal o el aviso fija de otro modo. La fecha calculada ({computed}) queda registrada y visible.",
  "deadline.overrideDue": "Nueva fecha límite",
  "deadline.overrideReasonLabel": "Motivo (obligatorio)",
  "deadline.overrideReasonHint":
    "Por ejemplo: “El juez fijó el plazo de presentación en la audiencia.”",
  "deadline.reasonRequired": "Indique por qué se cambia la fecha.",
  "deadline.overrideSave": "Guardar el cambio",
  "deadline.overrideSaved": "Cambio guardado. La fecha calculada se conserva.",
  "deadline.stale":
    "Otra persona cambió este plazo hace un momento. Se volvió a cargar: revíselo e intente de nuevo.",

  "deadlines.title": "Plazos y eventos del caso",
  "deadlines.loading": "Cargando plazos…",
  "deadlines.listTitle": "Plazos ({open} abiertos, {done} hechos)",
  "deadlines.none":
    "Aún no hay plazos. Agregue un evento (una audiencia, una decisión, un aviso) y sus plazos se calculan.",
  "deadlines.col.from": "Origen",
  "deadlines.manual": "Ingresado a mano",
  "deadlines.tps": "Datos de TPS",
  "deadlines.dateHint":
    "MM/DD/AAAA: mes, día y año, como en los avisos de EE. UU.",
  "deadlines.formProblems":
    "{count, plural, one {Corrija este problema antes de guardar:} other {Corrija estos # problemas antes de guardar:}}",
  "deadlines.date.required": "Indique la fecha como MM/DD/AAAA.",
  "deadlines.days.required": "Indique el número de días.",
  "deadlines.days.whole": "Indique un número entero de días, por ejemplo 30.",
  "deadlines.days.positive":
    "El número de días debe ser 1 o más (ni cero ni negativo).",
  "deadlines.days.tooMany": "Son más de 3650 días: revise el número.",
  "deadlines.hearingKind.required": "Elija el tipo de audiencia.",
  "deadlines.subkind.required": "Elija qué es el aviso de USCIS.",
  "deadlines.closes.beforeOpen": "El periodo no puede cerrar antes de abrir.",

  "events.title": "Eventos del caso ({count})",
  "events.none": "Aún no hay eventos del caso.",
  "events.col.date": "Fecha",
  "events.col.event": "Evento",
  "events.col.details": "Detalles",
  "events.move": "Cambiar fecha de audiencia",
  "events.moveNamed": "Cambiar fecha de audiencia: {date}",
  "events.editNamed": "Editar {event} del {date}",
  "events.delete": "Eliminar",
  "events.deleteNamed": "Eliminar {event} del {date}",
  "events.confirmDelete":
    "{count, plural, =0 {¿Eliminar este evento? No tiene plazos.} one {¿Eliminar este evento y su plazo?} other {¿Eliminar este evento y sus # plazos?}}",

  "event.add": "Agregar evento",
  "event.addTitle": "Agregar un evento del caso",
  "event.editTitle": "Editar el evento",
  "event.moveTitle": "Cambiar la fecha de la audiencia",
  "event.moveIntro":
    "La audiencia del {date} pasa a la nueva fecha; sus plazos se recalculan y el cambio queda registrado.",
  "event.stale":
    "Otra persona cambió este evento hace un momento. Cierre el formulario y ábralo de nuevo.",
  "event.save": "Guardar evento",
  "event.saveMove": "Cambiar la audiencia",
  "event.saving": "Guardando…",
  "event.noCase": "— Ningún caso en particular —",
  "event.field.kind": "Evento",
  "event.field.case": "Caso",
  "event.field.newHearingDate": "Nueva fecha de la audiencia",
  "event.field.hearingKind": "Tipo de audiencia",
  "event.field.detained": "Detenido/a para esta audiencia",
  "event.field.subkind": "El aviso es",
  "event.field.mailed": "Notificado por correo",
  "event.field.daysJudge": "Días antes de la audiencia que fijó el juez",
  "event.field.daysNotice": "Días para responder (según el aviso)",
  "event.field.daysGranted": "Días de salida voluntaria otorgados",
  "event.field.stage": "Otorgada",
  "event.field.inAbsentia": "En ausencia (la persona no compareció)",
  "event.field.inCourt":
    "Tiene caso en el tribunal de inmigración (requiere EOIR-33)",
  "event.field.asylum": "¿Solicita asilo?",
  "event.field.facility": "Centro de detención",
  "event.field.closes": "Cierre de la reinscripción",
  "event.field.citation": "Cita del Federal Register",
  "event.field.stopTo": "El reloj volvió a correr el",
  "event.field.stopReason": "Por qué se detuvo el reloj",
  "event.stopReasonHint":
    "Por ejemplo: el solicitante pidió reprogramar la audiencia.",
  "clockStop.endsBeforeStart":
    "El reloj no puede volver a correr antes de detenerse.",
  "facility.options": "Centros de la lista",
  "facility.hint":
    "Escriba para elegir de la lista de centros de ICE; un centro que no está en la lista se guarda tal como se escribió.",
  "facility.fieldOffice": "oficina de campo de {office}",
  "facility.courtHearing": "Casos de detenidos en {court}",
  "facility.courtControl":
    "Los escritos van a {court} (tribunal de control administrativo)",
  "facility.noCourt": "No hay tribunal registrado para este centro",
  "facility.verify": "verificar",
  "detention.title": "Historial de detención",
  "detention.intro":
    "Arresto, cada centro con sus fechas (un traslado abre una nueva estadía), fianza y liberación. De aquí salen la condición de detenido, el centro actual y el calendario de cada audiencia.",
  "detention.arrestDate": "Fecha del arresto",
  "detention.stays": "Centros (estadías)",
  "detention.stayN": "Estadía {n}",
  "detention.facility": "Centro",
  "detention.from": "Desde",
  "detention.to": "Hasta",
  "detention.toHint": "MM/DD/AAAA; vacío si sigue allí",
  "detention.bookingId": "Número de registro o de la cárcel",
  "detention.addStay": "Agregar una estadía (traslado)",
  "detention.removeStay": "Quitar la estadía {n}",
  "detention.bond": "Fianza",
  "detention.bondAmount": "Monto (US$)",
  "detention.bondSetBy": "Fijada por",
  "detention.setBy.none": "Sin fijar",
  "detention.setBy.ice": "ICE",
  "detention.setBy.ij": "Juez de inmigración",
  "detention.bondDate": "Fecha en que se fijó",
  "detention.bondPosted": "Fianza pagada",
  "detention.bondPostedDate": "Fecha de pago",
  "detention.ankleMonitor": "Grillete electrónico",
  "detention.releasedOn": "Liberado el",
  "detention.releaseKind": "Cómo fue liberado",
  "detention.release.none": "No liberado",
  "detention.release.bond": "Con fianza",
  "detention.release.parole": "Libertad condicional (parole)",
  "detention.release.recognizance": "Bajo palabra",
  "detention.release.atd": "Alternativas a la detención",
  "detention.release.order": "Por orden de un juez",
  "detention.release.other": "Otro",
  "detention.save": "Guardar historial de detención",
  "detention.saving": "Guardando…",
  "detention.saved":
    "Historial de detención guardado. {detained, select, yes {Detenido en {facility}.} other {No detenido.}} {hearings, plural, =0 {Ninguna audiencia cambió de calendario.} one {# audiencia cambió de calendario; se recalcularon sus plazos.} other {# audiencias cambiaron de calendario; se recalcularon sus plazos.}}",
  "detention.stayFacilityRequired": "Indique el centro de esta estadía.",
  "detention.fromRequired": "Indique la fecha en que empezó esta estadía.",
  "detention.amountInvalid":
    "Escriba el monto de la fianza en dólares enteros, solo dígitos.",
  "detention.stayEndsBeforeStart":
    "Una estadía no puede terminar antes de empezar.",
  "detention.staysOverlap":
    "Las estadías se superponen: un traslado empieza el día en que terminó la anterior o después.",
  "detention.openStayNotLast":
    "Solo la última estadía puede seguir abierta: indique el día en que terminó esta.",
  "detention.arrestAfterStay":
    "La fecha del arresto es posterior al inicio de la primera estadía.",
  "detention.releaseWithoutStay":
    "Una liberación necesita al menos una estadía.",
  "detention.releaseBeforeStay":
    "La fecha de liberación es anterior al inicio o al fin de la última estadía.",
  "detention.releaseKindWithoutDate": "Indique también la fecha de liberación.",
  "detention.postedDateWithoutPosted":
    "Marque la fianza como pagada para indicar la fecha de pago.",
  "eoir.title": "Consultas del estado en la EOIR",
  "eoir.intro":
    "Llame a la línea de la EOIR (1-800-898-7180) o use el portal con {aNumber} y escriba lo que dijo. Amparo no se conecta con la EOIR.",
  "eoir.noANumber":
    "Agregue un número A a este expediente para registrar consultas a la EOIR.",
  "eoir.formLabel": "Registrar una consulta a la EOIR",
  "eoir.channel": "Consultado en",
  "eoir.channel.hotline": "Línea telefónica",
  "eoir.channel.portal": "Portal",
  "eoir.nextHearing": "Fecha de la próxima audiencia",
  "eoir.time": "Hora",
  "eoir.timeHint": "HH:MM, 24 horas",
  "eoir.hearingKind": "Tipo de audiencia",
  "eoir.kind.unknown": "No lo dijo",
  "eoir.kind.master": "Audiencia preliminar (master)",
  "eoir.kind.individual": "Audiencia individual (de fondo)",
  "eoir.judge": "Juez",
  "eoir.court": "Tribunal",
  "eoir.decision": "Decisión",
  "eoir.decisionDate": "Fecha de la decisión",
  "eoir.appealStatus": "Estado de la apelación",
  "eoir.record": "Registrar consulta",
  "eoir.agrees": "La EOIR coincide con la agenda.",
  "eoir.differs": "La EOIR no coincide con la agenda:",
  "eoir.col.field": "Qué",
  "eoir.col.docket": "Agenda",
  "eoir.col.eoir": "Dijo la EOIR",
  "eoir.field.hearingDate": "Fecha de la audiencia",
  "eoir.field.hearingTime": "Hora de la audiencia",
  "eoir.field.hearingKind": "Tipo de audiencia",
  "eoir.field.judge": "Juez",
  "eoir.field.court": "Tribunal",
  "eoir.none": "ninguno",
  "eoir.apply": "Actualizar el caso y su audiencia",
  "eoir.applied":
    "Caso y audiencia actualizados según la consulta a la EOIR; se recalcularon los plazos.",
  "eoir.noCase": "Esta persona no tiene un caso abierto que actualizar.",
  "eoir.log": "Consultas anteriores",
  "eoir.logLine":
    "{when}, {who} ({channel, select, portal {portal} other {línea telefónica}}): próxima audiencia {hearing}",
  "eoir.appliedMark": "aplicada al caso",
  "eoir.neverChecked": "Aún no se ha consultado.",
  "eoir.due.title": "Consultas a la EOIR pendientes ({count})",
  "eoir.due.intro":
    "Clientes detenidos sin consultar en {detained} días; los demás, en {other} días.",
  "eoir.due.detained": "detenido",
  "eoir.due.last": "última consulta {when} (hace {days} días)",
  "eoir.due.never": "nunca consultado",
  "eoir.due.none": "No hay consultas pendientes.",
  "eoir.due.print": "Imprimir hoja de llamadas",
  "eoir.sheet.title": "Hoja de llamadas a la EOIR, {date}",
  "event.detainedHint":
    "Casos de personas detenidas: el juez fija los plazos de presentación.",
  "event.mailedHint":
    "Suma 3 días (8 CFR 103.8(b)). No lo marque si el plazo del aviso ya incluye el tiempo de correo.",
  "event.daysJudgeHint": "Según lo ordenado por el juez.",
  "event.daysNoticeHint":
    "Como indica el aviso (máximo 84 para una RFE, 30 para un NOID).",
  "event.daysGrantedHint":
    "Máximo 120 antes de concluir el proceso, 60 al concluir.",
  "event.stage.post": "Al concluir el proceso",
  "event.stage.pre": "Antes de concluir el proceso",
  "event.subkind.rfe": "Solicitud de evidencia (RFE)",
  "event.subkind.noid": "Aviso de intención de negar (NOID)",
  "event.subkind.denial": "Negación (decisión)",
  "event.asylum.auto": "Decidir según los casos de la persona",
  "event.asylum.yes": "Sí: agregar el plazo de un año",
  "event.asylum.no": "No",
  "event.previewTitle": "Plazos que se crearán",
  "event.previewEmpty": "Indique una fecha válida para ver los plazos.",
  "event.previewing": "Calculando…",
  "event.previewNone": "De este evento no resulta ningún plazo.",
  "event.previewRuleDue": "lectura literal de la regla: {date}",
  "event.previewTpsClose":
    "Cierra el periodo de reinscripción de TPS (según el aviso)",
  "event.sum.detained": "detenido/a",
  "event.sum.notDetained": "no detenido/a",
  "event.sum.mailed": "por correo",
  "event.sum.days": "{n, plural, one {# día} other {# días}}",
  "event.sum.inAbsentia": "en ausencia",
  "event.sum.closes": "cierra el {date}",
  "event.sum.movedFrom": "antes el {date}",
  "event.sum.noAsylum": "no solicita asilo",
  "event.sum.notInCourt": "sin caso en el tribunal",
  "event.kind.hearing-scheduled": "Audiencia programada",
  "event.kind.hearing-moved": "Audiencia trasladada",
  "event.kind.ij-decision-oral": "Decisión del juez de inmigración (oral)",
  "event.kind.ij-decision-written":
    "Decisión del juez de inmigración (escrita)",
  "event.kind.bia-decision": "Decisión de la BIA",
  "event.kind.uscis-notice": "Aviso o decisión de USCIS",
  "event.kind.detained": "Detenido/a",
  "event.kind.released": "Liberado/a",
  "event.kind.last-arrival": "Última llegada a EE. UU.",
  "event.kind.vd-granted": "Salida voluntaria otorgada",
  "event.kind.tps-reregistration-opened": "Abrió la reinscripción de TPS",
  "event.kind.filing-served": "Escrito notificado por la otra parte",
  "event.kind.address-changed": "Cambio de domicilio",
  "event.kind.final-order": "Orden final",
  "event.kind.cfi-negative": "Determinación negativa de miedo creíble",
  "event.kind.asylum-filed":
    "Solicitud de asilo presentada (inicia el reloj del permiso de trabajo)",
  "event.kind.asylum-clock-stop":
    "Reloj del permiso de trabajo detenido por el solicitante",
  "event.dateLabel.hearing-scheduled": "Fecha de la audiencia",
  "event.dateLabel.hearing-moved": "Nueva fecha de la audiencia",
  "event.dateLabel.ij-decision-oral": "Fecha de la decisión",
  "event.dateLabel.ij-decision-written": "Fecha de envío o notificación",
  "event.dateLabel.bia-decision": "Fecha de la decisión de la BIA",
  "event.dateLabel.uscis-notice": "Fecha del aviso",
  "event.dateLabel.detained": "Fecha de la detención",
  "event.dateLabel.released": "Fecha de la liberación",
  "event.dateLabel.last-arrival": "Fecha de la última llegada",
  "event.dateLabel.vd-granted": "Fecha de la orden",
  "event.dateLabel.tps-reregistration-opened": "Fecha en que abrió el periodo",
  "event.dateLabel.filing-served": "Fecha de presentación ante el tribunal",
  "event.dateLabel.address-changed": "Fecha de la mudanza",
  "event.dateLabel.final-order": "Fecha de la orden final",
  "event.dateLabel.cfi-negative": "Fecha de la determinación",
  "event.dateLabel.asylum-filed":
    "Fecha en que se presentó la solicitud completa",
  "event.dateLabel.asylum-clock-stop": "El reloj se detuvo el",
  "plan.skip.detainedMaster":
    "Audiencia preliminar de persona detenida: el juez fija los plazos. Agréguelos como plazos manuales.",
  "plan.skip.detainedIndividualNeedsDays":
    "Audiencia individual de persona detenida: indique los días que fijó el juez para calcular el plazo.",
  "plan.skip.noAsylum":
    "No hay caso abierto de asilo o de deportación: no se creará el plazo de un año.",
  "plan.skip.notInCourt":
    "Sin caso en el tribunal de inmigración: sin EOIR-33.",
  "plan.skip.noClosingDate":
    "No se indicó fecha de cierre: no se creará ningún plazo.",
  "plan.skip.timelineOnly": "Un hecho de la cronología: no crea plazos.",

  "change.title": "Guardado: {event}, {date}.",
  "change.created": "Nuevo: {label}, vence {due}.",
  "change.moved": "Recalculado: {label}: {was} → {due}.",
  "change.updated": "Recalculado: {label}, vence {due} (misma fecha).",
  "change.removed": "Eliminado: {label}.",
  "change.unchanged":
    "{count, plural, one {# plazo más de este evento sin cambios.} other {# plazos más de este evento sin cambios.}}",
  "change.caseFollowed":
    "La próxima audiencia del caso ahora también muestra el {date}.",
  "change.nothing": "Ningún plazo cambió.",
  "change.dismiss": "Cerrar aviso",

  "manual.add": "Plazo manual",
  "manual.title": "Agregar un plazo manual",
  "manual.intro":
    "Para una fecha que ninguna regla calcula: una orden del juez, un compromiso con el cliente. Sin cita queda marcado “Verificar”.",
  "manual.label": "Qué vence",
  "manual.due": "Fecha límite",
  "manual.citation": "Cita o fuente",
  "manual.citationHint": "Por ejemplo: “Orden del juez del 03/02/2027”.",
  "manual.note": "Nota",
  "manual.save": "Agregar plazo",

  "ics.titleClinic": "Archivo de calendario de la clínica",
  "ics.titlePerson": "Archivo de calendario de esta persona",
  "ics.intro":
    "Los plazos abiertos y las próximas audiencias como archivo .ics para un programa de calendario. Solo incluye fechas, nombres de plazos, citas y la hora, el tribunal y el juez de las audiencias.",
  "ics.includeNames": "Incluir los nombres de los clientes",
  "ics.namesWarning":
    "Atención: un archivo de calendario no está cifrado. Quien obtenga el archivo, o el calendario donde se importe, verá estos nombres. Inclúyalos solo si el archivo se queda en equipos de la clínica.",
  "ics.exportClinic": "Exportar la agenda (.ics)",
  "ics.exportPerson": "Exportar los plazos de esta persona (.ics)",
  "ics.saved":
    "Se {count, plural, one {guardó # evento} other {guardaron # eventos}} (plazos y audiencias) en {file}.",

  "closures.title": "Días de cierre del tribunal",
  "closures.intro":
    "Días en que el tribunal estuvo cerrado (clima, emergencias). Un cierre nunca mueve un plazo a una fecha posterior por sí solo: el plazo se marca y se muestra el siguiente día abierto, para que una persona decida.",
  "closures.none": "No hay días de cierre.",
  "closures.date": "Fecha de cierre",
  "closures.add": "Agregar día de cierre",
  "closures.already": "Ese día ya está en la lista.",
  "closures.added":
    "Se agregó {date}. {count, plural, one {# plazo recalculado.} other {# plazos recalculados.}}",
  "closures.removed":
    "Se quitó {date}. {count, plural, one {# plazo recalculado.} other {# plazos recalculados.}}",
  "closures.removeNamed": "Quitar el cierre del {date}",

  "reminders.count":
    "{count, plural, one {# plazo vence} other {# plazos vencen}} dentro de {days, plural, one {# día} other {# días}}.",
  "reminders.overdue": "{count, plural, one {# vencido.} other {# vencidos.}}",
  "reminders.detained": "{count} de personas detenidas.",
  "reminders.open": "Abrir la agenda",
  "reminders.dismiss": "Cerrar",
  "reminders.dismissLabel": "Cerrar el recordatorio de plazos hasta mañana",

  "tps.loading": "Cargando datos de TPS…",
  "tps.datasetTitle": "Datos de TPS en uso",
  "tps.staleTitle":
    "Estos datos de TPS tienen {days, plural, one {# día} other {# días}}.",
  "tps.staleBody":
    "El TPS cambia por avisos del Federal Register y órdenes judiciales. Importe datos más recientes y revise el Federal Register y uscis.gov/tps antes de asesorar a nadie.",
  "tps.asOf": "Datos al",
  "tps.age": "Antigüedad",
  "tps.ageDays": "{days, plural, one {# día} other {# días}}",
  "tps.source": "Origen",
  "tps.shipped": "Incluidos con Amparo",
  "tps.imported": "Importados por {who} el {when}",
  "tps.countriesTitle": "Países ({count})",
  "tps.noDates": "No hay fechas próximas en los datos.",
  "tps.daysLeft": "(en {days, plural, one {# día} other {# días}})",
  "tps.passed": "(hace {days, plural, one {# día} other {# días}})",
  "tps.noCitation": "Sin cita registrada: verificar",
  "tps.notes": "Notas",
  "tps.untranslated":
    "En inglés: el archivo de datos no trae este texto en español.",
  "tps.entryAsOf": "datos al {date}",
  "tps.status.designated": "Designado",
  "tps.status.extended": "Extendido",
  "tps.status.auto-extended": "Extendido automáticamente",
  "tps.status.termination-announced": "Terminación anunciada",
  "tps.status.terminated": "Terminado",
  "tps.status.terminated-stayed": "Terminación suspendida",
  "tps.status.litigation": "En litigio",
  "tps.kind.re-registration-open": "Abre la reinscripción",
  "tps.kind.re-registration-close": "Cierra la reinscripción",
  "tps.kind.ead-auto-extension": "Termina la extensión automática del EAD",
  "tps.kind.designation-end": "Termina la designación",
  "tps.import.title": "Importar datos más recientes",
  "tps.import.intro":
    "Elija un archivo de TPS de Amparo (.json). Verá qué plazos cambian antes de guardar nada.",
  "tps.import.file": "Archivo de datos de TPS (.json)",
  "tps.import.checking": "Revisando el archivo…",
  "tps.import.tooLarge":
    "Ese archivo es demasiado grande para ser un archivo de TPS.",
  "tps.import.notJson": "Ese archivo no es un archivo JSON.",
  "tps.import.invalid":
    "Ese archivo no es un archivo de TPS de Amparo válido. Problemas encontrados:",
  "tps.import.older":
    "Ese archivo tiene datos al {asOf}, anteriores a los datos en uso ({current}). No se cambió nada.",
  "tps.import.previewTitle": "Antes de importar “{file}”",
  "tps.import.previewAsOf":
    "Datos al {asOf} (los datos en uso son al {current}); {countries, plural, one {# país} other {# países}}.",
  "tps.import.peopleChange":
    "{people, plural, one {Cambian los plazos de esta persona} other {Cambian los plazos de estas # personas}} ({deadlines, plural, one {# plazo} other {# plazos}}):",
  "tps.import.person": "Persona",
  "tps.import.none": "ninguno",
  "tps.import.removed": "eliminado",
  "tps.import.truncated": "Se muestran {shown} de {total} personas.",
  "tps.import.apply": "Aplicar los datos nuevos",
  "tps.import.done":
    "Se importaron los datos al {asOf}: {people, plural, one {# persona actualizada} other {# personas actualizadas}} ({created, plural, one {# plazo creado} other {# plazos creados}}, {updated, plural, one {# cambiado} other {# cambiados}}, {removed, plural, one {# eliminado} other {# eliminados}}).",
  "tps.reconcile.running":
    "Actualizando las fechas límite de TPS con los datos…",
  "tps.reconcile.stopped":
    "La actualización de las fechas límite de TPS se detuvo antes de terminar. Vuelve a empezar al desbloquear.",
  "deadline.overrideNonBusiness":
    "{date} es {why}: verifique que sea la fecha correcta.",
  "tps.today": "(hoy)",
  "tps.tomorrow": "(mañana)",
  "tps.yesterday": "(ayer)",
  "tps.status.end-passed": "Fecha de fin pasada: verifique",
  "tps.affected.title":
    "{count, plural, =0 {Nadie en la bóveda tiene {country} como país de TPS} one {# persona en la bóveda con TPS de {country}} other {# personas en la bóveda con TPS de {country}}}",
  "tps.affected.name": "Nombre",
  "tps.affected.reRegistration": "Reinscripción hasta",
  "tps.affected.workPermit": "Vence el permiso de trabajo (EAD)",
  "tps.affected.autoExtended": "EAD extendido automáticamente hasta",
  "tps.affected.noDate": "no consta",
  "tps.import.byChangeTitle": "Cambios y a cuántas personas afecta cada uno",
  "tps.import.changePeople":
    "{people, plural, one {# persona} other {# personas}}",

  // ---- Forms UI: templates, mapper, fill, batch, history (issue 5) ----
  "forms.tooLarge":
    "Ese archivo pesa más de 50 MB. Los formularios oficiales de USCIS son mucho más pequeños: descargue el formulario otra vez.",
  "forms.notBase64": "No se pudo leer ese archivo. Elíjalo otra vez.",
  "forms.templateOrForm": "Elija un formulario para llenar.",
  "forms.err.invalid":
    "Este archivo está dañado o no es un PDF. Descargue otra vez el formulario en blanco de uscis.gov e importe ese archivo.",
  "forms.err.password":
    "Este PDF pide una contraseña para abrirse. Los formularios oficiales de USCIS se abren sin ella: descárguelo otra vez de uscis.gov.",
  "forms.err.noForm":
    "Este PDF no tiene campos para llenar. Use el formulario rellenable descargado de uscis.gov, no un escaneo ni una copia impresa y escaneada.",
  "forms.err.edition":
    "Este formulario en blanco es de otra edición que aquella para la que se hizo su mapa de campos.",
  "forms.err.noBlank":
    "Todavía no se ha importado un {form} en blanco. Descargue el {form} vigente de uscis.gov e impórtelo en Formularios.",
  "forms.err.batchRunning":
    "Todavía se está llenando otro lote de formularios. Espere a que termine o cancélelo.",
  "forms.status.ready": "Listo",
  "forms.status.draft": "Borrador",
  "forms.templates.title": "Plantillas de formularios",
  "forms.templates.intro":
    "Una plantilla es un formulario en blanco importado una vez, con el mapa de campos que lo llena a partir del expediente.",
  "forms.templates.loading": "Cargando las plantillas…",
  "forms.templates.empty":
    "Todavía no hay formularios importados. Descargue el PDF rellenable de uscis.gov e impórtelo abajo.",
  "forms.templates.table": "Plantillas de formularios",
  "forms.templates.name": "Nombre",
  "forms.templates.form": "Formulario",
  "forms.templates.edition": "Edición",
  "forms.templates.status": "Estado",
  "forms.templates.fields": "Campos",
  "forms.templates.actions": "Acciones",
  "forms.templates.custom": "Formulario de la clínica",
  "forms.templates.draftMapped": "Revise el mapa de campos antes de llenarlo",
  "forms.templates.draftUnmapped": "Todavía sin mapa de campos",
  "forms.templates.map": "Mapear campos",
  "forms.templates.mapNamed": "Mapear los campos de {name}",
  "forms.templates.delete": "Eliminar",
  "forms.templates.deleteNamed": "Eliminar {name}",
  "forms.templates.confirmDelete": "Sí, eliminar {name}",
  "forms.templates.keep": "Conservarla",
  "forms.import.label": "Importar PDF en blanco",
  "forms.import.hint":
    "El formulario rellenable tal como se descarga de uscis.gov, o un PDF rellenable propio de la clínica. Se guarda dentro de la bóveda cifrada.",
  "forms.import.reading": "Leyendo el archivo…",
  "forms.import.importing": "Revisando el formulario y sus campos…",
  "forms.import.accepting": "Guardando el mapa de campos para esta edición…",
  "forms.import.failed": "No se pudo importar {file}.",
  "forms.import.ready":
    "{name} importado: {form}, edición {edition}, {fields, plural, one {# campo} other {# campos}}. Está listo para llenar.",
  "forms.import.already":
    "Este archivo ya se había importado, como {name}. No se agregó nada.",
  "forms.import.custom":
    "{name} importado con {fields, plural, one {# campo} other {# campos}}. Amparo todavía no tiene un mapa de campos para él: mapee sus campos antes de llenarlo.",
  "forms.import.openMapper": "Mapear sus campos",
  "forms.import.review": "Revisar en el mapeador",
  "forms.import.acceptedReady":
    "{name} está listo para llenar con los campos que ambas ediciones comparten.",
  "forms.edition.title": "Otra edición",
  "forms.edition.body":
    "Esta no es la edición {edition} del {form} para la que se hizo el mapa de campos de Amparo. Revise las diferencias antes de usarla.",
  "forms.edition.missing":
    "Campos del mapa que este formulario no tiene ({count}): quedarán vacíos",
  "forms.edition.missingHint":
    "Puede que USCIS los haya renombrado o quitado. Mapee sus reemplazos en el mapeador.",
  "forms.edition.noneMissing":
    "Todos los campos del mapa están en este formulario.",
  "forms.edition.added":
    "Campos nuevos que el mapa no conoce ({count}): quedarán vacíos",
  "forms.edition.addedHint": "Llénelos a mano o mapéelos en el mapeador.",
  "forms.edition.noneAdded": "Este formulario no tiene campos nuevos.",
  "forms.edition.more": "y {count} más",
  "forms.edition.accept": "Aceptar y continuar",
  "forms.edition.cancel": "Ahora no",
  "forms.fill.title": "Llenar un formulario para una persona",
  "forms.fill.person": "Persona",
  "forms.fill.template": "Formulario",
  "forms.fill.flatten": "Aplanar (el PDF guardado ya no se podrá editar)",
  "forms.fill.flattenHint":
    "Déjelo sin marcar para revisar y corregir el PDF antes de presentarlo.",
  "forms.fill.button": "Llenar y guardar el PDF",
  "forms.fill.filling": "Llenando el formulario…",
  "forms.fill.noTemplates":
    "No hay ningún formulario listo para llenar. Primero importe uno en blanco de uscis.gov en Formularios.",
  "forms.fill.done":
    "{count, plural, one {# campo llenado} other {# campos llenados}} ({pages, plural, one {# página} other {# páginas}}).",
  "forms.fill.overflow":
    "{count, plural, one {# campo continúa en una página anexa:} other {# campos continúan en una página anexa:}}",
  "forms.fill.warnings":
    "{count, plural, one {# cosa que revisar:} other {# cosas que revisar:}}",
  "forms.warn.EDITION_MISMATCH":
    "El formulario en blanco es de otra edición que la del mapa de campos.",
  "forms.warn.FIELD_MISSING": "Un campo del mapa no está en este formulario:",
  "forms.warn.FIELD_TYPE":
    "Un campo es de un tipo que el mapa no puede llenar:",
  "forms.warn.BAD_VALUE":
    "Un dato del expediente no sirve para este campo; quedó vacío:",
  "forms.warn.OPTION_NOT_FOUND":
    "La respuesta del expediente no es una de las opciones de este campo:",
  "forms.warn.GLYPH_MISSING":
    "Algunas letras no se pueden imprimir en este campo; el valor está en la página anexa:",
  "forms.save.saved": "Guardado como {file}.",
  "forms.save.savedShort": "Guardado.",
  "forms.save.savedTo": "Guardado en {path}.",
  "forms.save.notSaved": "No se guardó: se cerró el diálogo de guardar.",
  "forms.save.failed": "No se pudo guardar el PDF. Inténtelo otra vez.",
  "forms.save.again": "Guardar el PDF otra vez",
  "forms.summary.title": "Resumen de admisión",
  "forms.save.notRecorded":
    "El PDF se guardó, pero el historial del caso no pudo registrarlo (la bóveda se bloqueó mientras tanto). Vuelva a llenar el formulario para registrarlo.",
  "forms.summary.lang": "Idioma del resumen",
  "forms.summary.button": "PDF del resumen de admisión",
  "forms.summary.making": "Preparando el resumen…",
  "forms.history.title": "Formularios llenados para esta persona",
  "forms.history.loading": "Cargando el historial…",
  "forms.history.empty":
    "Todavía no se ha llenado ningún formulario para esta persona.",
  "forms.history.when": "Cuándo",
  "forms.history.form": "Formulario",
  "forms.history.edition": "Edición",
  "forms.history.kind": "Tipo",
  "forms.history.by": "Llenado por",
  "forms.history.sha": "SHA-256",
  "forms.history.notes": "Notas",
  "forms.history.kind.fill": "Llenado",
  "forms.history.kind.test": "Prueba",
  "forms.history.kind.summary": "Resumen",
  "forms.history.summary": "Resumen de admisión",
  "forms.history.summaryEn": "Inglés",
  "forms.history.summaryEs": "Español",
  "forms.history.mismatch": "otra edición aceptada",
  "forms.history.overflow": "{count} en la página anexa",
  "forms.history.warnings":
    "{count, plural, one {# advertencia} other {# advertencias}}",
  "forms.history.flattened": "aplanado",
  "forms.person.fillButton": "Llenar un formulario",
  "forms.person.title": "Formularios de esta persona",
  "forms.person.openForms": "Abrir Formularios",
  "forms.person.hint":
    "Escriba un nombre o un número A. Los acentos son opcionales.",
  "forms.person.none": "Nadie coincide con esa búsqueda.",
  "forms.person.results":
    "{count, plural, =0 {No se encontró a nadie} one {# persona encontrada} other {# personas encontradas}}",
  "forms.person.dob": "nació el {date}",
  "forms.person.change": "Elegir a otra persona",
  "forms.preview.rendering": "Dibujando la página…",
  "forms.preview.failed": "No se pudo dibujar la vista previa de la página.",
  "forms.preview.label": "{label}, página {page} de {pages}",
  "forms.preview.labelHighlight":
    "{label}, página {page} de {pages}, con el campo elegido resaltado",
  "forms.preview.pages": "Páginas",
  "forms.preview.prev": "Página anterior",
  "forms.preview.next": "Página siguiente",
  "forms.preview.pageOf": "Página {page} de {pages}",
  "forms.type.text": "Texto",
  "forms.type.checkbox": "Casilla",
  "forms.type.radio": "Botones de opción",
  "forms.type.dropdown": "Lista desplegable",
  "forms.type.list": "Lista",
  "forms.type.button": "Botón",
  "forms.type.signature": "Firma",
  "forms.mapper.loading": "Abriendo el mapeador…",
  "forms.mapper.back": "Volver a Formularios",
  "forms.mapper.title": "Mapear campos: {name}",
  "forms.mapper.intro":
    "{fields, plural, one {# campo} other {# campos}} en {pages, plural, one {# página} other {# páginas}}. Elija un campo y diga de dónde sale su valor.",
  "forms.mapper.template": "Plantilla",
  "forms.mapper.name": "Nombre",
  "forms.mapper.nameRequired": "Póngale un nombre a la plantilla.",
  "forms.mapper.formCode": "Código del formulario",
  "forms.mapper.formCodeHint":
    "Minúsculas, números y guiones, por ejemplo i-130 o admision-clinica.",
  "forms.mapper.formCodeInvalid": "Use solo minúsculas, números y guiones.",
  "forms.mapper.edition": "Edición",
  "forms.mapper.editionHint":
    "Como aparece al pie del formulario, por ejemplo 01/20/25.",
  "forms.mapper.editionRequired": "Escriba la edición de este formulario.",
  "forms.mapper.transform": "Cómo llenarlo",
  "forms.mapper.notFilled": "No se llena",
  "forms.mapper.source": "Origen del dato",
  "forms.mapper.nameOf": "Nombre de quién",
  "forms.mapper.currentSource": "Como en el mapa: {source}",
  "forms.mapper.checkWhen": "Marcarla cuando el valor",
  "forms.mapper.cond.equals": "sea «{value}»",
  "forms.mapper.cond.yes": "sea Sí",
  "forms.mapper.cond.no": "sea No",
  "forms.mapper.cond.present": "tenga algún valor",
  "forms.mapper.cond.empty": "esté vacío",
  "forms.mapper.value": "Valor",
  "forms.mapper.options": "Opciones de este campo: {options}",
  "forms.mapper.alwaysChecked": "Siempre marcada",
  "forms.mapper.neverChecked": "Nunca marcada",
  "forms.mapper.notFillable":
    "Amparo no llena este tipo de campo (las firmas y los botones los completa la persona).",
  "forms.mapper.pageN": "página {page}",
  "forms.mapper.maxLen":
    "máximo {max, plural, one {# carácter} other {# caracteres}}",
  "forms.mapper.comb": "un carácter por casilla",
  "forms.mapper.save": "Guardar la plantilla",
  "forms.mapper.saved":
    "Plantilla guardada con {count, plural, one {# campo mapeado} other {# campos mapeados}}. Está lista para llenar.",
  "forms.mapper.dirty": "Cambios sin guardar",
  "forms.mapper.clean": "Todos los cambios guardados",
  "forms.mapper.mappedCount":
    "{mapped} de {total, plural, one {# campo mapeado} other {# campos mapeados}}",
  "forms.mapper.problem.missing": "no es un campo de este formulario",
  "forms.mapper.problem.type": "es de un tipo que esta entrada no puede llenar",
  "forms.mapper.problem.path": "no es un origen de datos que Amparo conozca",
  "forms.mapper.strays":
    "{count, plural, one {# campo mapeado no corresponde a este formulario (se quitó o cambió en esta edición). Déjelo fuera antes de guardar.} other {# campos mapeados no corresponden a este formulario (se quitaron o cambiaron en esta edición). Déjelos fuera antes de guardar.}}",
  "forms.mapper.dropStrays": "Dejarlos fuera",
  "forms.mapper.unsaved": "El mapa de campos tiene cambios sin guardar.",
  "forms.mapper.saveAndLeave": "Guardar y volver",
  "forms.mapper.discard": "Descartar los cambios",
  "forms.mapper.stay": "Seguir editando",
  "forms.mapper.filter": "Buscar un campo",
  "forms.mapper.show": "Mostrar",
  "forms.mapper.show.all": "Todos los campos",
  "forms.mapper.show.mapped": "Campos mapeados",
  "forms.mapper.show.unmapped": "Campos sin mapear",
  "forms.mapper.listHint":
    "Se muestran {shown} de {total} campos. Las flechas arriba y abajo pasan de un campo a otro; Enter en el campo elegido lleva a su configuración.",
  "forms.mapper.fields": "Campos del formulario",
  "forms.mapper.col.label": "Etiqueta",
  "forms.mapper.col.name": "Nombre del campo",
  "forms.mapper.col.type": "Tipo",
  "forms.mapper.col.page": "Página",
  "forms.mapper.col.maxLen": "Máx.",
  "forms.mapper.col.source": "Se llena con",
  "forms.mapper.new": "Nuevo",
  "forms.mapper.previewOf": "Vista previa",
  "forms.mapper.previewBlank": "En blanco",
  "forms.mapper.previewTest": "Prueba",
  "forms.mapper.previewBlankLabel": "{form} en blanco",
  "forms.mapper.previewTestLabel": "Resultado de la prueba",
  "forms.mapper.testTitle": "Llenado de prueba",
  "forms.mapper.testPerson": "Llenarlo para",
  "forms.mapper.test": "Llenar de prueba",
  "forms.mapper.saveAndTest": "Guardar y llenar de prueba",
  "forms.mapper.saveTest": "Guardar el PDF de prueba",
  "forms.batch.title": "Llenar un formulario para muchas personas",
  "forms.batch.intro":
    "Los formularios se llenan en segundo plano. Guarde cada uno, o todos, cuando estén listos.",
  "forms.batch.filter": "Filtrar personas",
  "forms.batch.loading": "Cargando personas…",
  "forms.batch.noPeople": "Todavía no hay personas registradas.",
  "forms.batch.people": "Personas para las que se llena el formulario",
  "forms.batch.selectAll":
    "{count, plural, one {Seleccionar la # persona mostrada} other {Seleccionar las # personas mostradas}}",
  "forms.batch.name": "Nombre",
  "forms.batch.dob": "Fecha de nacimiento",
  "forms.batch.more":
    "Se muestran las primeras {shown} de {total} personas: use el filtro para encontrar a otras.",
  "forms.batch.start":
    "Llenar para {count, plural, one {# persona} other {# personas}}",
  "forms.batch.picked":
    "{count, plural, one {# seleccionada} other {# seleccionadas}} (máximo {max}).",
  "forms.batch.tooMany":
    "Elija como máximo {max, plural, one {# persona} other {# personas}} por lote.",
  "forms.batch.jobTitle": "Lote",
  "forms.batch.progressLabel": "Avance del lote",
  "forms.batch.progressText": "{done} de {total} listos",
  "forms.batch.cancel": "Cancelar",
  "forms.batch.cancelling": "Cancelando…",
  "forms.batch.done":
    "Terminado: {ok, plural, one {# formulario listo} other {# formularios listos}} para guardar, {failed} no se pudieron llenar.",
  "forms.batch.cancelled":
    "Cancelado: se llenaron {ok} de {total, plural, one {# formulario} other {# formularios}} y se pueden guardar.",
  "forms.batch.failed": "El lote se detuvo. {message}",
  "forms.batch.results": "Resultados del lote",
  "forms.batch.result": "Resultado",
  "forms.batch.save": "Guardar",
  "forms.batch.saveNamed": "Guardar el formulario de {name}",
  "forms.batch.saveAll": "Guardar todos ({count})",
  "forms.batch.savingAll": "Guardando {done} de {total}…",
  "forms.batch.discard": "Borrar resultados",
  "forms.batch.memoryNote":
    "Los PDF llenados se guardan solo en memoria hasta que salga de esta página o bloquee Amparo.",
  "forms.tpsDrive.title": "Permisos de trabajo para {country}: llenar el I-765",
  "forms.tpsDrive.intro":
    "Cada I-765 pide la categoría (a)(12), o (c)(19) si el I-821 está pendiente o se presenta ahora. Revise cada formulario antes de firmarlo.",
  "forms.tpsDrive.people": "Personas para las que llenar el I-765",
  "forms.tpsDrive.selectAll":
    "{count, plural, one {Seleccionar a la # persona que puede presentarlo} other {Seleccionar a las # personas que pueden presentarlo}}",
  "forms.tpsDrive.noCategory": "TPS negado: sin categoría",
  "forms.tpsDrive.alsoI821":
    "Llenar también el I-821 de la clínica ({name}) para cada persona",
  "forms.tpsDrive.start":
    "Llenar el I-765 para {count, plural, one {# persona} other {# personas}}",
  "forms.tpsDrive.jobTitle": "Jornada de TPS",
  "forms.tpsDrive.noTemplate":
    "Importe el formulario I-765 en blanco (edición 10/31/22) en la página Formularios para llenar permisos de trabajo aquí.",
  "forms.ar11.offer":
    "Cambió la dirección: el AR-11 debe llegar a USCIS en un plazo de 10 días.",
  "forms.ar11.fill": "Llenar el AR-11",
  "forms.ar11.noTemplate":
    "Importe el formulario AR-11 en blanco en la página Formularios para llenarlo con este expediente.",
  "forms.attorney.title": "Abogado(a) o representante (G-28, parte 1)",
  "forms.attorney.intro":
    "Se escribe una vez para la clínica y se usa en cada G-28. Los teléfonos se pueden escribir en cualquier formato.",
  "forms.attorney.kind": "Quien firma es",
  "forms.attorney.kind.attorney": "Un(a) abogado(a)",
  "forms.attorney.kind.accredited-representative":
    "Un(a) representante acreditado(a)",
  "forms.attorney.givenName": "Nombres",
  "forms.attorney.givenNameRequired": "Escriba el nombre.",
  "forms.attorney.familyName": "Apellidos",
  "forms.attorney.middleName": "Segundo nombre",
  "forms.attorney.licensingAuthority": "Autoridad que otorga la licencia",
  "forms.attorney.licensingAuthorityHint":
    "Por ejemplo, State Bar of California.",
  "forms.attorney.barNumber": "Número de colegiatura",
  "forms.attorney.firm": "Bufete",
  "forms.attorney.organization": "Organización reconocida",
  "forms.attorney.accreditationExpires": "Vencimiento de la acreditación",
  "forms.attorney.dateHint": "MM/DD/AAAA: mes, día y año",
  "forms.attorney.uscisAccountNumber": "Número de cuenta en línea de USCIS",
  "forms.attorney.address": "Dirección postal",
  "forms.attorney.address.street": "Calle y número",
  "forms.attorney.address.unitType": "Apto., suite o piso",
  "forms.attorney.address.unit": "Número",
  "forms.attorney.address.city": "Ciudad o pueblo",
  "forms.attorney.address.state": "Estado",
  "forms.attorney.address.zip": "Código postal (ZIP)",
  "forms.attorney.address.province": "Provincia",
  "forms.attorney.address.postalCode": "Código postal",
  "forms.attorney.address.country": "País",
  "forms.attorney.unit.none": "Ninguno",
  "forms.attorney.unit.apt": "Apto.",
  "forms.attorney.unit.ste": "Suite",
  "forms.attorney.unit.flr": "Piso",
  "forms.attorney.phone": "Teléfono de día",
  "forms.attorney.mobilePhone": "Teléfono celular",
  "forms.attorney.fax": "Fax",
  "forms.attorney.email": "Correo electrónico",
  "forms.attorney.save": "Guardar los datos del abogado(a)",
  "forms.attorney.clear": "Borrar",
  "forms.attorney.saved": "Datos guardados. El próximo G-28 los usará.",
  "forms.attorney.cleared": "Datos del abogado(a) borrados.",
  "forms.attorney.updated": "Último cambio: {by}, el {date}.",
  "backup.title": "Respaldos",
  "backup.intro":
    "Amparo escribe un respaldo cifrado de esta bóveda al bloquearse, al cerrarse y una vez por intervalo, en la carpeta que usted elija: una memoria USB, una carpeta de red o un disco externo cifrado. Para abrir un respaldo hace falta la frase de contraseña de esta bóveda o su código de recuperación.",
  "backup.folder": "Carpeta de respaldos",
  "backup.folderHint":
    "La ruta completa de una carpeta en una memoria USB, una carpeta de red o un disco externo, por ejemplo /media/clinica/RESPALDOS.",
  "backup.interval": "Respaldar automáticamente",
  "backup.interval.option":
    "{hours, plural, =24 {Cada día} =168 {Cada semana} one {Cada hora} other {Cada # horas}}",
  "backup.keep": "Respaldos que se conservan",
  "backup.keep.daily": "Diarios",
  "backup.keep.weekly": "Semanales",
  "backup.keep.monthly": "Mensuales",
  "backup.save": "Guardar la configuración de respaldos",
  "backup.saved": "Se guardó la configuración de respaldos.",
  "backup.off":
    "Los respaldos automáticos están desactivados hasta que elija una carpeta.",
  "backup.now": "Respaldar ahora",
  "backup.progress": "Avance del respaldo",
  "backup.cancel": "Cancelar el respaldo",
  "backup.done": "Respaldo escrito y verificado: {file}",
  "backup.cancelled":
    "Se canceló el respaldo. No se escribió ningún archivo de respaldo.",
  "backup.last": "Último respaldo bueno: {date} ({age}).",
  "backup.none": "Todavía no hay ningún respaldo verificado.",
  "backup.age.hours":
    "{hours, plural, =0 {hace menos de una hora} one {hace # hora} other {hace # horas}}",
  "backup.age.days": "{days, plural, one {hace # día} other {hace # días}}",
  "backup.stale":
    "El respaldo verificado más reciente es más antiguo que el intervalo de respaldo más un día. Conecte el disco de respaldos y elija «Respaldar ahora».",
  "backup.problem":
    "El último respaldo automático ({when, select, lock {al bloquear o cerrar} interval {según lo programado} other {iniciado a mano}}) no se hizo: {reason}",
  "backup.list.title": "Respaldos en la carpeta",
  "backup.list.refresh": "Actualizar la lista",
  "backup.list.empty": "Todavía no hay respaldos de Amparo en esta carpeta.",
  "backup.list.caption":
    "Respaldos en la carpeta de respaldos, el más reciente primero",
  "backup.list.made": "Hecho",
  "backup.list.vault": "Bóveda",
  "backup.list.size": "Tamaño",
  "backup.list.status": "Verificación",
  "backup.list.actions": "Acciones",
  "backup.list.unknownTime": "Hora desconocida",
  "backup.list.unknownVault": "Desconocida",
  "backup.list.vaultId":
    "{mine, select, true {Esta bóveda ({id})} other {Otra bóveda ({id})}}",
  "backup.list.mb": "{mb} MB",
  "backup.list.state":
    "{status, select, verified {Verificado al escribirse} failed {No pasó la verificación} other {Dañado: no se puede leer}}",
  "backup.verify.button": "Verificar",
  "backup.verify.for": "Verificar el respaldo hecho el {date}",
  "backup.restore.button": "Restaurar…",
  "backup.restore.for": "Restaurar el respaldo hecho el {date}",
  "backup.verify.title": "Verificar el respaldo hecho el {date}",
  "backup.restore.title": "Restaurar el respaldo hecho el {date}",
  "backup.action.passphrase": "Frase de contraseña del respaldo",
  "backup.action.passphraseHint":
    "Una frase de contraseña que la bóveda tenía cuando se hizo este respaldo.",
  "backup.action.passphraseRequired":
    "Escriba una frase de contraseña que la bóveda tenía cuando se hizo este respaldo.",
  "backup.action.progress": "Progreso",
  "backup.action.close": "Cerrar",
  "backup.verify.submit": "Verificar respaldo",
  "backup.verify.cancel": "Cancelar la verificación",
  "backup.verify.cancelled": "Se canceló la verificación.",
  "backup.verify.good": "El respaldo está bien: pasó todas las comprobaciones.",
  "backup.verify.bad":
    "El respaldo está dañado: {part, select, not_a_backup {este archivo no es un respaldo de Amparo} truncated {el archivo está incompleto} header {su encabezado está dañado} keyslots {su archivo de claves está dañado} payload {su base de datos no coincide con su suma de verificación} integrity {su base de datos no pasa la comprobación de integridad} other {su base de datos no coincide con su encabezado}}. Use otro respaldo.",
  "backup.verify.check":
    "{ok, select, true {Correcto: } other {Falló: }}{check, select, structure {estructura del archivo} header {suma del encabezado} keyslots {archivo de claves} key {la frase de contraseña} payload {SHA-256 de la base de datos} integrity {comprobación de integridad de la base de datos} other {bóveda, esquema y número de filas}}",
  "backup.restore.into": "Restaurar en",
  "backup.restore.new": "Una carpeta nueva",
  "backup.restore.replace": "Reemplazar la bóveda actual",
  "backup.restore.folder": "Carpeta donde restaurar",
  "backup.restore.folderHint":
    "La ruta completa de una carpeta vacía, o de una que se creará. La bóveda que tiene abierta no cambia.",
  "backup.restore.folderRequired":
    "Escriba la ruta completa de la carpeta donde restaurar.",
  "backup.restore.replaceWarning":
    "La bóveda que tiene abierta se apartará: se renombra dentro de una carpeta a su lado, nunca se borra. El respaldo hecho el {date} ocupa su lugar y Amparo se bloquea. Lo escrito después de ese respaldo queda solo en la bóveda apartada.",
  "backup.restore.confirm":
    "Entiendo: apartar la bóveda actual y restaurar este respaldo en su lugar.",
  "backup.restore.confirmRequired":
    "Marque la casilla para confirmar que la bóveda actual se aparta.",
  "backup.restore.submit": "Restaurar respaldo",
  "backup.restore.submitReplace": "Apartar la bóveda actual y restaurar",
  "backup.restore.cancel": "Cancelar la restauración",
  "backup.restore.cancelled": "Se canceló la restauración. No se cambió nada.",
  "backup.restore.doneNew":
    "Restaurado en {path}.{migrated, select, true { Se actualizó de la versión de esquema {from} a la {to}.} other {}} Para abrirlo, inicie Amparo con --data-dir y esa carpeta.",
  "backup.restore.doneReplace":
    "El respaldo hecho el {date} es ahora la bóveda. La bóveda anterior está apartada, sin cambios, en {aside}. Amparo está bloqueado: desbloquee con una frase de contraseña que la bóveda tenía cuando se hizo el respaldo.",
  "backup.restore.toUnlock": "Ir a desbloquear",
  "backup.restore.lockedUnchanged":
    "Amparo cerró la bóveda para reemplazarla, y la bóveda no cambió. Desbloquéela de nuevo.",
  // ---- Reports (issue 13) ----
  "reports.summary.title": "Resumen del caso: {name}",
  "reports.summary.subtitle":
    "Preparado el {date} · Confidencial: información del cliente",
  "reports.summary.page": "Página {i} de {n}",
  "reports.summary.fileLabel": "Resumen del caso",
  "reports.summary.batchFileLabel":
    "{count, plural, one {Resumen de casos, # persona} other {Resúmenes de casos, # personas}}",
  "reports.summary.person": "Persona",
  "reports.summary.detention": "Detención",
  "reports.summary.caseN": "Caso {n}: {type}",
  "reports.summary.nextHearing": "Próxima audiencia",
  "reports.summary.closedOn": "Cerrado el",
  "reports.summary.closingOutcome": "Resultado al cierre",
  "reports.summary.openDeadlines": "Plazos abiertos",
  "reports.summary.noOpenDeadlines": "No hay plazos abiertos.",
  "reports.summary.none": "Ninguno",
  "reports.summary.verify": "verificar",
  "reports.summary.doneDeadlines": "Plazos cumplidos",
  "reports.summary.doneOn": "cumplido el {date}",
  "reports.summary.events": "Eventos",
  "reports.summary.forms": "Formularios preparados",
  "reports.summary.edition": "edición {edition}",
  "reports.summary.caseSummaryForm": "Resumen del caso",
  "reports.summary.intakeSummaryForm": "Resumen de admisión",
  "reports.summary.notes": "Notas y necesidades urgentes",
  "reports.summary.yes": "Sí",
  "reports.summary.no": "No",
  "reports.outcome.relief-granted": "Alivio concedido",
  "reports.outcome.relief-denied": "Alivio negado",
  "reports.outcome.proceedings-terminated": "Procedimiento terminado",
  "reports.outcome.case-dismissed": "Caso desestimado",
  "reports.outcome.administratively-closed": "Cierre administrativo",
  "reports.outcome.voluntary-departure": "Salida voluntaria",
  "reports.outcome.removal-ordered": "Orden de deportación",
  "reports.outcome.bond-granted": "Fianza concedida",
  "reports.outcome.bond-denied": "Fianza negada",
  "reports.outcome.application-filed": "Solicitud presentada",
  "reports.outcome.advice-only": "Solo asesoría",
  "reports.outcome.referred-out": "Referido a otro proveedor",
  "reports.outcome.client-withdrew": "El cliente se retiró",
  "reports.outcome.lost-contact": "Se perdió contacto con el cliente",
  "reports.outcome.other": "Otro",
  "reports.codeInvalid":
    "Un código tiene de 1 a 20 letras, dígitos, puntos o guiones.",
  "reports.funderInvalid":
    "El nombre de un financiador tiene de 1 a 40 letras, dígitos, espacios, puntos o guiones.",
  "reports.rangeBackwards": "El final del periodo es anterior a su inicio.",
  // ---- Página de informes (issue 13; renderer/src/features/reports) ----
  "nav.reports": "Informes",
  "reports.page.intro":
    "Gráficos de los casos, estadísticas para financiadores, resúmenes de caso y exportaciones. Cada gráfico tiene su tabla a un clic, para lectores de pantalla y para copiarla.",
  "reports.section": "Secciones de informes",
  "reports.tab.dashboard": "Casos",
  "reports.tab.stats": "Estadísticas",
  "reports.tab.summaries": "Resúmenes de caso",
  "reports.tab.exports": "Exportaciones",
  "reports.tab.trainings": "Talleres",
  "reports.dash.asOf": "Cifras al {date}.",
  "reports.dash.loading": "Contando…",
  "reports.chart.showTable": "Ver tabla",
  "reports.chart.showChart": "Ver gráfico",
  "reports.chart.empty": "Todavía no hay nada que contar.",
  "reports.chart.total": "Total",
  "reports.chart.openCasesByType.title": "Casos abiertos por tipo y estado",
  "reports.chart.openCasesByType.key": "Tipo de caso",
  "reports.chart.openCasesByAssignee.title": "Casos abiertos por responsable",
  "reports.chart.openCasesByAssignee.key": "Asignado a",
  "reports.chart.detainedByFacility.title": "Personas detenidas por centro",
  "reports.chart.detainedByFacility.key": "Centro de detención",
  "reports.chart.daysInDetention.title":
    "Personas detenidas por días en detención",
  "reports.chart.daysInDetention.key": "Días en detención",
  "reports.chart.hearings.title": "Audiencias en los próximos 7, 30 y 90 días",
  "reports.chart.hearings.key": "Periodo",
  "reports.chart.deadlines.title":
    "Plazos vencidos, de esta semana y cumplidos tarde",
  "reports.chart.deadlines.key": "Plazos",
  "reports.chart.intakesPerWeek.title":
    "Admisiones por semana, últimas 12 semanas",
  "reports.chart.intakesPerWeek.key": "Semana del",
  "reports.chart.intakesPerTraining.title": "Admisiones por taller",
  "reports.chart.intakesPerTraining.key": "Taller",
  "reports.chart.tpsByCountry.title": "TPS: personas por país",
  "reports.chart.tpsByCountry.key": "País de TPS",
  "reports.chart.tpsWindows.title":
    "TPS: personas por periodo de reinscripción",
  "reports.chart.tpsWindows.key": "Periodo",
  "reports.series.open": "Abiertos",
  "reports.series.pending": "Pendientes",
  "reports.series.cases": "Casos",
  "reports.series.people": "Personas",
  "reports.series.deadlines": "Plazos",
  "reports.series.individual-detained": "Individual, detenida",
  "reports.series.master-detained": "Calendario general, detenida",
  "reports.series.individual": "Individual, no detenida",
  "reports.series.master": "Calendario general, no detenida",
  "reports.series.other": "Tipo no registrado",
  "reports.series.count": "Cantidad",
  "reports.bucket.0-30": "30 días o menos",
  "reports.bucket.31-90": "De 31 a 90 días",
  "reports.bucket.91-180": "De 91 a 180 días",
  "reports.bucket.181-365": "De 181 a 365 días",
  "reports.bucket.366+": "Más de un año",
  "reports.bucket.unknown": "Fecha no registrada",
  "reports.bucket.next7": "Próximos 7 días",
  "reports.bucket.next30": "Próximos 30 días",
  "reports.bucket.next90": "Próximos 90 días",
  "reports.bucket.overdue": "Vencidos",
  "reports.bucket.dueThisWeek": "Vencen en los próximos 7 días",
  "reports.bucket.doneLate": "Cumplidos después de su fecha",
  "reports.bucket.detained": "Detenidas",
  "reports.bucket.notDetained": "No detenidas",
  "reports.bucket.new": "Nuevas",
  "reports.bucket.returning": "Que regresan",
  "reports.notRecorded": "No registrado",
  "reports.trainingKey": "{date}, {place}",
  "reports.tpsWindowKey": "{country}: cierra el {date}",
  "reports.stats.title": "Estadísticas para financiadores",
  "reports.stats.intro":
    "Cantidad de casos cerrados y de personas atendidas en un periodo. Solo se muestran cantidades. Una cantidad menor que el mínimo aparece como «< {min}», y también se oculta toda cantidad que permitiría deducirla de un total.",
  "reports.stats.from": "Desde",
  "reports.stats.to": "Hasta",
  "reports.stats.dateHint": "MM/DD/AAAA (mes, día y año)",
  "reports.stats.minCell": "Cantidad mínima que se muestra",
  "reports.stats.minCellHint":
    "Un número entero del 1 al 20 (5 si no lo cambia).",
  "reports.stats.minCellInvalid": "Escriba un número entero del 1 al 20.",
  "reports.stats.dateInvalid": "Escriba la fecha como MM/DD/AAAA.",
  "reports.stats.run": "Ver estadísticas",
  "reports.stats.period":
    "Del {from} al {to}; se ocultan las cantidades menores que {min}.",
  "reports.stats.small": "< {min}",
  "reports.stats.hidden": "oculto",
  "reports.stats.legend":
    "«< {min}»: menos de {min}. «oculto»: se oculta para que no se pueda deducir una cantidad pequeña de un total.",
  "reports.stats.table.caseType": "Casos cerrados, por tipo de caso",
  "reports.stats.table.problemCode":
    "Casos cerrados, por código de problema de LSC",
  "reports.stats.table.closureCategory":
    "Casos cerrados, por categoría de cierre de LSC",
  "reports.stats.table.outcome": "Casos cerrados, por resultado",
  "reports.stats.table.caseTypeByClosure":
    "Casos cerrados, por tipo de caso y categoría de cierre",
  "reports.stats.table.countryOfBirth":
    "Personas atendidas, por país de nacimiento",
  "reports.stats.table.language": "Personas atendidas, por idioma",
  "reports.stats.table.county": "Personas atendidas, por condado de residencia",
  "reports.stats.table.detained": "Personas atendidas, detenidas o no",
  "reports.stats.table.newOrReturning":
    "Personas atendidas, nuevas o que regresan",
  "reports.stats.noRows": "Nada en este periodo.",
  "reports.stats.key": "Categoría",
  "reports.export.title": "Exportaciones",
  "reports.export.intro":
    "Hojas de cálculo de la bóveda, guardadas solo donde usted elija. Las celdas que una hoja de cálculo podría ejecutar como fórmula quedan inertes.",
  "reports.export.format": "Formato",
  "reports.export.formatCsv": "Archivos CSV, uno por tipo",
  "reports.export.formatXlsx": "Un libro de Excel (XLSX), una hoja por tipo",
  "reports.export.kinds": "Qué exportar",
  "reports.export.kind.people": "Personas",
  "reports.export.kind.cases": "Casos",
  "reports.export.kind.deadlines": "Plazos y audiencias",
  "reports.export.kind.events": "Eventos",
  "reports.export.kind.fills": "Formularios llenados",
  "reports.export.columns": "Columnas de {kind} ({chosen} de {total})",
  "reports.export.identifying": "identifica a una persona",
  "reports.export.allColumns": "Todas las columnas",
  "reports.export.noNames": "Solo columnas que no identifican a nadie",
  "reports.export.save": "Exportar",
  "reports.export.namesWarning":
    "Estos archivos nombran a personas o contienen datos que las identifican ({columns}). Guárdelos en una unidad cifrada y bórrelos cuando termine.",
  "reports.export.confirm": "Guardar con estos datos",
  "reports.export.cancel": "No guardar",
  "reports.export.saved":
    "{count, plural, one {# archivo guardado.} other {# archivos guardados.}}",
  "reports.export.notSaved": "No se guardó.",
  "reports.export.failed": "No se pudo guardar la exportación.",
  "reports.export.noKinds": "Elija al menos un tipo para exportar.",
  "reports.export.noColumns": "Elija al menos una columna de {kind}.",
  "reports.export.working": "Exportando…",
  "reports.summary.personTitle": "Resumen del caso",
  "reports.summary.scope": "Resumen de",
  "reports.summary.scopeAll": "Todos los casos",
  "reports.summary.scopeCase": "Solo el caso: {type}",
  "reports.summary.lang": "Idioma del resumen",
  "reports.summary.make": "Guardar resumen del caso (PDF)",
  "reports.summary.making": "Preparando el resumen…",
  "reports.batch.intro":
    "Resúmenes de varias personas a la vez: acote la lista con los filtros, marque a las personas y guarde un PDF para todas o un PDF por persona.",
  "reports.batch.detained": "Solo personas detenidas",
  "reports.batch.hearingWithin": "Audiencia dentro de (días, opcional)",
  "reports.batch.assignedTo": "Asignado a (opcional)",
  "reports.batch.people": "Personas para los resúmenes",
  "reports.batch.mode": "Archivos",
  "reports.batch.modeCombined": "Un PDF para todas",
  "reports.batch.modeEach": "Un PDF por persona",
  "reports.batch.start":
    "{count, plural, =0 {Preparar resúmenes} one {Preparar # resumen} other {Preparar # resúmenes}}",
  "reports.batch.done":
    "Terminado: {ok, plural, one {# resumen listo} other {# resúmenes listos}}, {failed} no se pudieron preparar.",
  "reports.batch.cancelled":
    "Cancelado después de {ok} de {total}. Los ya preparados se pueden guardar.",
  "reports.batch.combinedFile": "Todas las personas en un archivo",
  "reports.batch.saveCombined": "Guardar el PDF combinado",
  "reports.batch.saveNamed": "Guardar el resumen de {name}",
  "reports.close.button": "Cerrar caso",
  "reports.close.buttonNamed": "Cerrar caso: {type}",
  "reports.close.title": "Cerrar el caso: {type}",
  "reports.close.outcome": "Resultado",
  "reports.close.closedOn": "Fecha de cierre",
  "reports.close.category": "Categoría de cierre de LSC (opcional)",
  "reports.close.problem": "Código de problema de LSC (opcional)",
  "reports.close.funder": "Código de {funder} (opcional)",
  "reports.close.none": "Ninguno",
  "reports.close.edition": "Las listas de LSC siguen el {edition}.",
  "reports.close.save": "Cerrar el caso",
  "reports.close.saved": "Caso cerrado: {outcome}, {date}.",
  "reports.close.closedNote": "Cerrado el {date}: {outcome}",
  "reports.close.dateInvalid": "Escriba la fecha de cierre como MM/DD/AAAA.",
  "reports.close.future": "La fecha de cierre no puede ser futura.",
  "reports.trainings.title": "Talleres",
  "reports.trainings.intro":
    "Un taller es una sesión de «conozca sus derechos». Las admisiones tomadas allí se pueden etiquetar con él; la admisión rápida ofrece el taller de hoy.",
  "reports.trainings.date": "Fecha",
  "reports.trainings.place": "Lugar",
  "reports.trainings.organizer": "Organizador (opcional)",
  "reports.trainings.add": "Agregar taller",
  "reports.trainings.added": "Taller agregado: {place}, {date}.",
  "reports.trainings.intakes": "Admisiones",
  "reports.trainings.none": "Todavía no hay talleres.",
  "reports.trainings.list": "Talleres registrados",
  "reports.trainings.placeRequired": "Escriba dónde se dio el taller.",
  "reports.trainings.current":
    "Etiquetar esta admisión con el taller de hoy: {place}",
  "error.ACCOUNT_EXPIRED":
    "Esta cuenta ha vencido. Pida a una persona responsable de la clínica que la extienda.",
  "error.CLOCK_BEHIND":
    "El reloj de esta computadora marca una fecha anterior a la última vez que se usó esta bóveda. Corrija la fecha y la hora e inténtelo de nuevo.",
  "error.UNLOCK_DELAYED":
    "Demasiadas frases de contraseña incorrectas para este usuario. Espere un momento e inténtelo de nuevo.",
  "unlock.userName": "Nombre de usuario",
  "unlock.wait":
    "Demasiadas frases de contraseña incorrectas. Puede intentarlo de nuevo en {seconds, plural, one {# segundo} other {# segundos}}.",
  "users.title": "Usuarios",
  "users.intro":
    "Cada persona que usa esta computadora tiene su propio nombre de usuario y frase de contraseña. Su función decide qué puede ver y hacer.",
  "users.name": "Nombre de usuario",
  "users.displayName": "Nombre completo",
  "users.role": "Función",
  "users.expires": "La cuenta vence (opcional)",
  "users.passphrase": "Su frase de contraseña",
  "users.add": "Agregar usuario",
  "users.added": "Se agregó a {name}.",
  "users.remove": "Quitar a {name}",
  "users.removed":
    "Se quitó a {name}. Cambie ahora la clave de la bóveda para que una copia antigua del archivo de claves ya no abra con su frase de contraseña.",
  "users.rekey": "Cambiar la clave de la bóveda",
  "users.rekeyed":
    "La bóveda tiene una clave nueva. Anote el nuevo código de recuperación: {code}",
  "users.expired": "vencida",
  "users.never": "nunca",
  "role.volunteer": "Voluntario/a",
  "role.paralegal": "Asistente legal",
  "role.attorney": "Abogado/a",
  "role.lead": "Responsable",
  "audit.history": "Historial",
  "audit.entry": "{at}: {actor} — {action}",
  "audit.fields": "Cambió: {fields}",
  "audit.none": "Todavía no hay historial.",
  "shell.signedInAs": "Sesión: {name} ({role})",
  "unlock.userNameHint":
    "Déjelo vacío si es la única persona usuaria de esta bóveda.",
  "unlock.userNameNeeded":
    "Esta bóveda tiene más de un usuario: escriba su nombre de usuario.",
  "recover.userName": "Nombre de usuario de la persona responsable",
  "recover.userNameHint":
    "Solo una persona responsable puede usar el código de recuperación. Déjelo vacío si la bóveda tiene una sola.",
  "recover.leadOnly":
    "El código de recuperación fija una frase de contraseña nueva solo para una persona responsable. Escriba su nombre de usuario.",
  "user.nameRequired": "Escriba su nombre de usuario.",
  "user.nameInvalid":
    "Use letras, números, puntos, guiones, guiones bajos o @, sin espacios.",
  "user.expiryInvalid": "Escriba una fecha y hora válidas.",
  "users.list": "Usuarios de esta bóveda",
  "users.expiresCol": "Vence",
  "users.you": "{name} (usted)",
  "users.nameHint":
    "Lo que escribe en la pantalla de desbloqueo: letras, números, puntos o guiones, sin espacios.",
  "users.expiresDate": "Fecha de vencimiento (opcional)",
  "users.expiresTime": "Hora de vencimiento",
  "users.expiresHint":
    "Para una persona voluntaria de un solo taller. Después de ese momento la cuenta ya no desbloquea.",
  "users.passphraseConfirm": "Escriba su frase de contraseña otra vez",
  "users.adding": "Agregando…",
  "users.addTitle": "Agregar un usuario",
  "users.removeConfirm":
    "¿Quitar a {name}? Su frase de contraseña ya no abrirá esta bóveda.",
  "users.removeYes": "Sí, quitar a {name}",
  "users.removing": "Quitando…",
  "users.rekeyIntro":
    "Cambie la clave después de quitar a un usuario, o cuando una computadora o una frase de contraseña pueda estar expuesta. Todos conservan su frase de contraseña; el código de recuperación cambia.",
  "users.rekeying": "Cambiando la clave…",
  "users.reset": "Restablecer la frase de contraseña",
  "users.resetFor": "Frase de contraseña nueva para {name}",
  "users.resetDone":
    "Se fijó una frase de contraseña nueva para {name}. Dígasela en persona.",
  "users.resetSubmit": "Fijar la frase de contraseña nueva",
  "users.activity": "Actividad",
  "users.activityOf": "Actividad de {name}",
  "users.activityCount":
    "{count, plural, one {# registro} other {# registros}}, del más reciente al más antiguo",
  "users.exportCsv": "Exportar el registro como CSV",
  "users.exportAllCsv": "Exportar todo el registro como CSV",
  "users.exported":
    "Registro guardado: {count, plural, one {# entrada} other {# entradas}}.",
  "users.close": "Cerrar",
  "audit.col.when": "Cuándo",
  "audit.col.who": "Quién",
  "audit.col.what": "Qué",
  "audit.col.fields": "Campos cambiados",
  "audit.kind":
    "{kind, select, create {Creó} view {Consultó} change {Cambió} restore {Restauró} other {Otro}}",
  "audit.restore": "Restaurar el valor anterior de {field}",
  "audit.restored": "Se restauró el valor anterior de {field}.",
  "audit.loading": "Cargando el historial…",
  "people.mineHint": "Casos asignados a usted ({name}).",
  "field.notAssigned": "Sin asignar",
  "field.assignedToOther": "{name} (no es usuario de esta bóveda)",
  "exchange.title": "Intercambio de la clínica",
  "exchange.notInClinic":
    "Esta bóveda no forma parte de una clínica. La persona responsable crea una con “clinic init”; las otras computadoras se unen con una solicitud (vea el README).",
  "exchange.role": "Este dispositivo",
  "exchange.role.lead": "Responsable",
  "exchange.role.member": "Miembro",
  "exchange.role.field": "Dispositivo de campo",
  "exchange.fingerprint": "Huella de la clínica",
  "exchange.deviceFingerprint": "Huella de este dispositivo",
  "exchange.sealed": "Entrevistas selladas",
  "exchange.sealedCount":
    "{sealed, plural, one {# entrevista sellada} other {# entrevistas selladas}}, {undelivered, number} todavía sin entregar",
  "exchange.conflicts": "Conflictos por revisar",
  "exchange.folder": "Carpeta de intercambio",
  "exchange.folderHint":
    "Una memoria USB, una carpeta compartida o una carpeta que Syncthing mantiene al día. Solo contiene paquetes cifrados.",
  "exchange.folderRequired": "Escriba la carpeta de intercambio.",
  "exchange.for": "Exportar cambios para",
  "exchange.forAll": "Todos los dispositivos miembros",
  "exchange.export": "Exportar cambios",
  "exchange.import": "Importar cambios",
  "exchange.exporting": "Escribiendo el paquete…",
  "exchange.importing": "Importando paquetes…",
  "exchange.exported":
    "Paquete escrito con {changes, plural, one {# cambio} other {# cambios}} y {intakes, plural, one {# entrevista sellada} other {# entrevistas selladas}}: {file}",
  "exchange.summary":
    "{changes, plural, one {# cambio} other {# cambios}} de {devices, plural, one {# dispositivo} other {# dispositivos}}, {conflicts, plural, one {# conflicto} other {# conflictos}}, {duplicates, plural, one {# posible duplicado} other {# posibles duplicados}}.",
  "exchange.importProgress":
    "{done, number} de {total, number} paquetes revisados y aplicados",
  "exchange.cancelImport": "Cancelar la importación",
  "exchange.importCancelled":
    "Se canceló la importación. No se aplicó nada de estos paquetes.",
  "exchange.refused":
    "{count, plural, one {Se rechazó # paquete} other {Se rechazaron # paquetes}}; no se aplicó nada de ellos.",
  "exchange.watch": "Vigilar esta carpeta",
  "exchange.stopWatching": "Dejar de vigilar la carpeta",
  "exchange.watching":
    "Vigilada: los cambios salen y entran por {folder} al desbloquear y cada 5 minutos.",
  "exchange.notWatching":
    "No se vigila ninguna carpeta: exporte e importe a mano.",
};
