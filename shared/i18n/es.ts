/**
 * Catálogo en español (América Latina, trato de usted).
 * Debe tener exactamente las mismas claves que `en.ts`.
 */
import type { Catalog } from './en';

export const es: Catalog = {
  'app.name': 'Amparo',
  'app.tagline': 'Gestor de casos para clínicas legales de inmigración',
  'app.skipToContent': 'Saltar al contenido principal',
  'app.loading': 'Abriendo Amparo…',
  'app.retry': 'Intentar de nuevo',
  'app.unreachable.title': 'Amparo no puede iniciar',

  'lang.label': 'Idioma',

  'common.showPassphrases': 'Mostrar las contraseñas mientras escribo',

  'strength.label': 'Seguridad: {level}',
  'strength.0': 'demasiado corta',
  'strength.1': 'débil',
  'strength.2': 'aceptable',
  'strength.3': 'buena',
  'strength.4': 'muy buena',

  'passphrase.tooShort': 'Use al menos {min} caracteres.',
  'passphrase.tooLong': 'Es demasiado larga. Use como máximo 1024 caracteres.',
  'passphrase.required': 'Escriba la contraseña.',
  'passphrase.confirmRequired': 'Escriba la contraseña por segunda vez, para asegurarse de que no tenga errores.',
  'passphrase.mismatch': 'Las dos contraseñas no coinciden.',
  'passphrase.hint':
    'Al menos {min} caracteres. Varias palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.',
  'recovery.required': 'Escriba el código de recuperación.',
  'recovery.badFormat': 'El código de recuperación tiene 32 letras y números (8 grupos de 4).',
  'form.invalid': 'Revise este campo.',

  'create.title': 'Crear la bóveda cifrada',
  'create.intro':
    'Amparo guarda toda la información de los clientes en un solo archivo cifrado en esta computadora. Elija una contraseña para protegerlo. Todas las personas que usen Amparo en esta computadora la necesitarán.',
  'create.passphrase': 'Contraseña',
  'create.confirm': 'Escriba la contraseña otra vez',
  'create.warning':
    'Sin la contraseña o el código de recuperación, nadie podrá abrir estos datos: ni usted, ni la clínica, ni quienes desarrollan Amparo.',
  'create.submit': 'Crear la bóveda',
  'create.submitting': 'Creando la bóveda…',

  'recoveryCode.title': 'Su código de recuperación',
  'recoveryCode.intro':
    'Si alguien olvida la contraseña, este código es la única otra forma de abrir la bóveda. Solo se muestra esta vez.',
  'recoveryCode.instructions':
    'Imprímalo o cópielo a mano en papel y guárdelo en un lugar seguro, lejos de esta computadora, por ejemplo en el archivero con llave de la clínica. No lo envíe por correo electrónico ni lo guarde en un archivo de esta computadora.',
  'recoveryCode.codeLabel': 'Código de recuperación',
  'recoveryCode.printHeading': 'Código de recuperación de la bóveda de Amparo',
  'recoveryCode.printNote':
    'Cualquier persona que tenga este código y el archivo de la bóveda puede leer los datos de los clientes. Guarde este papel bajo llave.',
  'recoveryCode.print': 'Imprimir',
  'recoveryCode.saved': 'Ya imprimí o anoté el código de recuperación y lo guardé en un lugar seguro.',
  'recoveryCode.continue': 'Continuar',
  'recoveryCode.mustConfirm': 'Marque la casilla de arriba para continuar.',

  'unlock.title': 'Desbloquear Amparo',
  'unlock.intro': 'Escriba la contraseña para abrir la bóveda cifrada.',
  'unlock.locked': 'La bóveda está bloqueada. Los datos de los clientes siguen cifrados hasta que alguien la desbloquee.',
  'unlock.passphrase': 'Contraseña',
  'unlock.submit': 'Desbloquear',
  'unlock.submitting': 'Desbloqueando…',
  'unlock.useRecovery': '¿Olvidó la contraseña? Use el código de recuperación',

  'recover.title': 'Desbloquear con el código de recuperación',
  'recover.intro':
    'Escriba el código de recuperación que anotó en papel y luego elija una contraseña nueva. La contraseña anterior dejará de funcionar.',
  'recover.code': 'Código de recuperación',
  'recover.codeHint': '32 letras y números. Puede escribirlo con o sin guiones y espacios, en mayúsculas o minúsculas.',
  'recover.newPassphrase': 'Contraseña nueva',
  'recover.confirm': 'Escriba la contraseña nueva otra vez',
  'recover.submit': 'Desbloquear y guardar la contraseña nueva',
  'recover.submitting': 'Desbloqueando…',
  'recover.back': 'Volver a desbloquear con la contraseña',
  'recover.done': 'Su contraseña nueva quedó guardada. El código de recuperación sigue funcionando.',

  'shell.lock': 'Bloquear',
  'shell.lockShortcut': 'Ctrl+L',
  'shell.nav': 'Navegación principal',
  'shell.locking': 'Bloqueando…',

  'nav.intake': 'Admisión',
  'nav.people': 'Personas',
  'nav.docket': 'Agenda',
  'nav.forms': 'Formularios',
  'nav.settings': 'Configuración',

  'page.comingSoon': 'Próximamente',
  'page.intake.body':
    'Una entrevista de admisión guiada para registrar a un cliente nuevo, su familia y su historial migratorio, en español o en inglés.',
  'page.people.body':
    'Buscar y editar clientes, familiares y contactos, con un aviso cuando alguien quizás ya esté registrado.',
  'page.docket.body':
    'Audiencias y plazos de presentación, calculados según las normas, con sus citas legales y los días feriados de los tribunales.',
  'page.forms.body':
    'Formularios de USCIS, como el I-589, llenados con los datos del expediente del cliente y guardados en PDF.',

  'settings.location.title': 'Dónde están los datos',
  'settings.location.body':
    'La bóveda cifrada está guardada en esta carpeta. Inclúyala en las copias de seguridad de la clínica; nadie puede leerla sin la contraseña o el código de recuperación.',
  'settings.location.label': 'Carpeta de la bóveda',
  'settings.change.title': 'Cambiar la contraseña',
  'settings.change.intro': 'El código de recuperación sigue funcionando después del cambio.',
  'settings.change.current': 'Contraseña actual',
  'settings.change.next': 'Contraseña nueva',
  'settings.change.confirm': 'Escriba la contraseña nueva otra vez',
  'settings.change.submit': 'Cambiar la contraseña',
  'settings.change.submitting': 'Cambiando la contraseña…',
  'settings.change.done': 'La contraseña se cambió. Use la nueva la próxima vez que desbloquee.',

  'error.INVALID_INPUT': 'Algunos campos no son válidos. Revíselos e intente de nuevo.',
  'error.WRONG_PASSPHRASE': 'Esa contraseña no abre esta bóveda.',
  'error.WRONG_RECOVERY_CODE':
    'Ese código de recuperación no abre esta bóveda. Revise cada grupo de cuatro caracteres.',
  'error.VAULT_EXISTS': 'Ya existe una bóveda en esta carpeta.',
  'error.VAULT_NOT_FOUND':
    'No hay una bóveda en esta carpeta o falta su archivo de base de datos. Si tiene una copia de seguridad, restáurela.',
  'error.VAULT_LOCKED': 'La bóveda está bloqueada. Desbloquéela para continuar.',
  'error.KEYSLOTS_MISSING':
    'Falta el archivo de llaves que acompaña a la bóveda. Restáurelo desde su copia de seguridad.',
  'error.KEYSLOTS_CORRUPT':
    'El archivo de llaves que acompaña a la bóveda está dañado. Restáurelo desde su copia de seguridad.',
  'error.DB_CORRUPT':
    'El archivo de la bóveda está dañado o no corresponde a su archivo de llaves. Restáurelo desde su copia de seguridad.',
  'error.DB_FROM_FUTURE':
    'Esta bóveda se creó con una versión más reciente de Amparo. Actualice Amparo para abrirla.',
  'error.NOT_FOUND': 'No se encontró ese registro. Es posible que se haya eliminado.',
  'error.STALE_WRITE':
    'Otra persona modificó este registro mientras usted lo editaba. Vuelva a cargarlo y haga sus cambios de nuevo.',
  'error.UNKNOWN_RULE': 'Amparo no conoce esa regla de plazos.',
  'error.BAD_DATE': 'Esa fecha no es válida.',
  'error.CSV_INVALID': 'No se pudo leer ese archivo CSV. Revise que tenga las columnas esperadas.',
  'error.PDF_INVALID': 'Ese archivo no es un PDF legible.',
  'error.PDF_NEEDS_PASSWORD': 'Ese PDF está protegido con contraseña y no se puede abrir.',
  'error.PDF_NO_FORM': 'Ese PDF no tiene campos para llenar.',
  'error.PDF_WRONG_EDITION':
    'Ese PDF es una edición del formulario distinta de la que Amparo espera. Descargue la edición vigente del sitio de USCIS.',
  'error.CANCELLED': 'Se canceló la operación.',
  'error.FORBIDDEN': 'Esa acción no está permitida.',
  'error.INTERNAL': 'Algo falló dentro de Amparo. Sus datos guardados no cambiaron. Intente de nuevo.',
};
